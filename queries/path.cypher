// name: path
// title: How two things are connected
// description: The shortest connections (up to 6 steps, either direction) between two named
//   entities, found by searching from both ends at once (the nodes and paths of up to 3 steps
//   from each end, joined where they meet) rather than by listing every path: plans, agencies, sites,
//   organizations and regions by name, title, short name, alias or English name, or a part
//   of one; measures by id or exact title, targets
//   and incentives by id (exact matches first, then the shortest names; the three best
//   candidates on each side are tried). Each row is one path, shortest first, with its
//   steps as names and relationship types.
// param: from: string -- one entity, e.g. 松山湖 or Songshan Lake
// param: to: string -- the other, e.g. 中共广东省委科技委员会
// param: limit: int = 5 -- paths at most
// derive: from_key = contains_key(from) -- a pair of its characters: plans, agencies, sites, organizations and regions are looked up by their _names keys
// derive: to_key = contains_key(to) -- the same for the other
// derive: from_end = end_key(from) -- its key on FalkorDB: = and the text when it is a node id, else from_key
// derive: to_end = end_key(to) -- the same for the other
// example: from=Songshan Lake to=中共广东省委科技委员会
// variant: falkordb
// the candidates of both ends (side 0: from, 1: to), label by label under the _names keys the
// store writes (graph/store/names.py) of plans, agencies, sites, organizations and regions, and
// measures, targets and incentives through their range indexes, as one stream of rows (a UNION
// in a CALL: 400 bytes shorter than ten collected lists, and 1.5 ms quicker at 10,000 documents);
// one exact test of every name form after (a label has none of the forms it does not test)
// Kept short: FalkorDB 4.16's Bolt listener crashes on a query text of about 4 kB or more
UNWIND [[0, $from, $from_end], [1, $to, $to_end]] AS g
WITH g[0] AS s, g[1] AS w, toLower(g[1]) AS lw, g[2] AS k
CALL {
WITH k MATCH (x:Plan) WHERE k IN x._names RETURN x
UNION ALL WITH k MATCH (x:Agency) WHERE k IN x._names RETURN x
UNION ALL WITH k MATCH (x:Site) WHERE k IN x._names RETURN x
UNION ALL WITH k MATCH (x:Organization) WHERE k IN x._names RETURN x
UNION ALL WITH k MATCH (x:Province) WHERE k IN x._names RETURN x
UNION ALL WITH k MATCH (x:City) WHERE k IN x._names RETURN x
UNION ALL WITH k MATCH (x:District) WHERE k IN x._names RETURN x
UNION ALL WITH w MATCH (x:Measure) WHERE x.id = w OR x.title = w RETURN x
UNION ALL WITH w MATCH (x:Target {id: w}) RETURN x
UNION ALL WITH w MATCH (x:Incentive {id: w}) RETURN x
}
WITH s, w, lw, x AS a WHERE a.id = w OR a.name CONTAINS w OR a.title CONTAINS w OR a.doc_number = w OR a.short = w
  OR any(n IN coalesce(a.aliases, []) WHERE n CONTAINS w) OR toLower(coalesce(a.name_en, '')) CONTAINS lw
WITH s, a, CASE WHEN a.id = w OR a.name = w OR a.title = w OR a.short = w OR w IN coalesce(a.aliases, [])
  OR toLower(coalesce(a.name_en, '')) = lw THEN 0 ELSE 1 END AS fit
ORDER BY s, fit, size(coalesce(a.name, a.title, a.id)), a.id
WITH s, collect(a)[..3] AS best
// each candidate's neighbours counted once (a node-set step: 0.2 ms where counting its 400
// relationships one by one took 2), not once for each pair it is in
UNWIND best AS a
OPTIONAL MATCH (a)--(x)
WITH s, a, count(x) AS n
WITH collect(CASE WHEN s = 0 THEN [a, n] END) AS starts, collect(CASE WHEN s = 1 THEN [a, n] END) AS ends
// the shortest paths from both ends, stage by stage, each stage only for the pairs of ends the
// stages before joined nowhere. A walk of the fewest steps is a path; each is cut at one place.
// Up to 4 steps: the paths of up to 2 steps from each end joined where they meet (a value hash
// join: FalkorDB hashes both sides), each path kept once, cut (d + 1) / 2 steps from v; only for
// the pairs where the nodes 2 steps from u (a walk: a node set) meet the paths of 1 or 2 steps
// from v, which every path of up to 4 steps does (the node 1 or 2 steps from v on it)
UNWIND starts AS a
UNWIND ends AS b
WITH a[0] AS a, a[1] AS da, b[0] AS b, b[1] AS db
WHERE a <> b
// u and v: the ends, v the one with fewer neighbours, from which the longer halves start
WITH a, b, da < db AS f, CASE WHEN da < db THEN b ELSE a END AS u, CASE WHEN da < db THEN a ELSE b END AS v,
 CASE WHEN da < db THEN da * 20 <= db ELSE db * 20 <= da END AS z
OPTIONAL MATCH (u)--()--(x), (v)-[*1..2]-(y) WHERE id(x) = id(y)
WITH f, u, v, z, count(x) AS j
WITH f, u, v, z, CASE WHEN j > 0 THEN u END AS s, CASE WHEN j > 0 THEN v END AS t
OPTIONAL MATCH p = (s)-[*0..2]-(x), q = (t)-[*0..2]-(y) WHERE id(x) = id(y)
// each path as [the half from u, the half from v, what is between them: nodes, relationships]
WITH f, u, v, z, collect([p, q, [], []]) AS h, min(length(p) + length(q)) AS d
WITH f, u, v, z, [k IN h WHERE length(k[0]) + length(k[1]) = d AND length(k[1]) = (d + 1) / 2] AS h,
 CASE WHEN d IS NULL THEN u END AS s, CASE WHEN d IS NULL THEN v END AS t
// 5 steps: sets of nodes first (FalkorDB reaches each node once through its matrices: 7,200
// nodes 3 steps from 规划局 where its paths are 17,000): m, the nodes 2 steps from u and 3 from
// v, are where every 5-step path is 2 steps from u; then only the paths through them, a join of
// the 2-step paths from u to m, one step on, with the 2-step paths from v
OPTIONAL MATCH (s)--()--(x), (t)--()--()--(y) WHERE id(x) = id(y)
WITH f, u, v, z, h, s, t, collect(x) AS m
OPTIONAL MATCH p = (s)-[*2]-(x), (x)--(b), q = (t)-[*2]-(c) WHERE m <> [] AND x IN m AND id(b) = id(c)
// the middle step's relationships read from b (a measure, say), not from x (an organization with
// 200 of them): 2.5 ms instead of 3.3 for the broadest case's 95
OPTIONAL MATCH (b)-[r]-(x)
WITH f, u, v, z, h, collect([p, q, [x], [r]]) AS g, size(h) + count(p) AS e
// 6 steps only while all pairs together have fewer than $limit paths (the rest sort after them):
// 2 steps from the busier end and 4 from v when v has a twentieth of its neighbours, else 3 and 3
WITH collect([f, u, v, z, h + g, e]) AS l, sum(e) < $limit AS o
UNWIND l AS k
WITH k[0] AS f, k[4] AS h, CASE WHEN o AND k[5] = 0 THEN k END AS k
WITH f, h, k, CASE WHEN k[3] THEN k[1] END AS s, CASE WHEN k[3] THEN k[2] END AS t
OPTIONAL MATCH p = (s)-[*2]-(x), q = (t)-[*4]-(y) WHERE id(x) = id(y)
WITH f, h, k, collect([p, q, [], []]) AS g
WITH f, h + g AS h, CASE WHEN NOT k[3] THEN k[1] END AS s, CASE WHEN NOT k[3] THEN k[2] END AS t
OPTIONAL MATCH p = (s)-[*3]-(x), q = (t)-[*3]-(y) WHERE id(x) = id(y)
WITH f, h, collect([p, q, [], []]) AS g
UNWIND h + g AS r
// each path: its steps from u, then those from v reversed (a stage that joined nothing left nulls)
WITH f, r WHERE r[0] IS NOT NULL
WITH f, length(r[0]) + length(r[1]) + size(r[3]) AS hops, nodes(r[0]) + tail(reverse(nodes(r[1]) + r[2])) AS ns,
 relationships(r[0]) + reverse(relationships(r[1]) + r[3]) AS rs
WITH hops, CASE WHEN f THEN reverse(ns) ELSE ns END AS ns, CASE WHEN f THEN reverse(rs) ELSE rs END AS rs
// shortest first; paths of one length in the order of their nodes' ids, then (two nodes joined
// twice, by two types) of their relationships' ids: the same order on every engine
WITH hops, ns, rs, reduce(k = '', n IN ns | k + n.id + ' ') AS key, reduce(k = '', r IN rs | k + r.id + ' ') AS rkey
ORDER BY hops, key, rkey
LIMIT $limit
RETURN hops,
       coalesce(ns[0].name, ns[0].title, ns[0].id) AS from_name,
       coalesce(last(ns).name, last(ns).title, last(ns).id) AS to_name,
       [n IN ns | coalesce(n.name, n.title, n.metric, n.id)] AS steps,
       [r IN rs | type(r)] AS relationships,
       {nodes: ns, relationships: rs} AS path
// variant: neo4j
// Neo4j's allShortestPaths searches from both ends itself
// the candidates of both ends (side 0: from, 1: to), label by label: the small labels' names,
// agencies, sites and organizations under a key of their names (graph/store/names.py), measures,
// targets and incentives through their range indexes, never a scan of every node.
// Kept short: FalkorDB 4.16's Bolt listener crashes on a query text of about 4 kB or more
UNWIND [[0, $from, $from_key], [1, $to, $to_key]] AS given
WITH given[0] AS side, given[1] AS w, toLower(given[1]) AS lw, given[2] AS k, '=' + toLower(given[1]) AS e
OPTIONAL MATCH (x:Plan) WHERE x.id = w OR x.title CONTAINS w OR x.doc_number = w
WITH side, w, lw, k, e, collect(x) AS l1
OPTIONAL MATCH (x:Agency) WHERE (k IN x._names OR e IN x._names) AND (x.id = w OR x.name CONTAINS w OR any(n IN coalesce(x.aliases, []) WHERE n CONTAINS w) OR toLower(coalesce(x.name_en, '')) CONTAINS lw)
WITH side, w, lw, k, e, l1, collect(x) AS l2
OPTIONAL MATCH (x:Site) WHERE (k IN x._names OR e IN x._names) AND (x.id = w OR x.name CONTAINS w OR any(n IN coalesce(x.aliases, []) WHERE n CONTAINS w) OR toLower(coalesce(x.name_en, '')) CONTAINS lw)
WITH side, w, lw, k, e, l1, l2, collect(x) AS l3
OPTIONAL MATCH (x:Organization) WHERE (k IN x._names OR e IN x._names) AND (x.id = w OR x.name CONTAINS w OR any(n IN coalesce(x.aliases, []) WHERE n CONTAINS w) OR toLower(coalesce(x.name_en, '')) CONTAINS lw)
WITH side, w, lw, l1, l2, l3, collect(x) AS l4
OPTIONAL MATCH (x:Province) WHERE x.id = w OR x.name CONTAINS w OR x.short = w OR toLower(coalesce(x.name_en, '')) CONTAINS lw
WITH side, w, lw, l1, l2, l3, l4, collect(x) AS l5
OPTIONAL MATCH (x:City) WHERE x.id = w OR x.name CONTAINS w OR x.short = w OR toLower(coalesce(x.name_en, '')) CONTAINS lw
WITH side, w, lw, l1, l2, l3, l4, l5, collect(x) AS l6
OPTIONAL MATCH (x:District) WHERE x.id = w OR x.name CONTAINS w OR x.short = w OR toLower(coalesce(x.name_en, '')) CONTAINS lw
WITH side, w, lw, l1, l2, l3, l4, l5, l6, collect(x) AS l7
OPTIONAL MATCH (x:Measure {id: w})
WITH side, w, lw, l1, l2, l3, l4, l5, l6, l7, collect(x) AS l8
OPTIONAL MATCH (x:Measure {title: w})
WITH side, w, lw, l1, l2, l3, l4, l5, l6, l7, l8, collect(x) AS l9
OPTIONAL MATCH (x:Target {id: w})
WITH side, w, lw, l1, l2, l3, l4, l5, l6, l7, l8, l9, collect(x) AS l10
OPTIONAL MATCH (x:Incentive {id: w})
WITH side, w, lw, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, collect(x) AS l11
UNWIND l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10 + l11 AS a
WITH side, a, CASE WHEN a.id = w OR a.name = w OR a.title = w OR a.short = w OR w IN coalesce(a.aliases, [])
  OR toLower(coalesce(a.name_en, '')) = lw THEN 0 ELSE 1 END AS fit
ORDER BY side, fit, size(coalesce(a.name, a.title, a.id)), a.id
WITH side, collect(a)[..3] AS best
WITH collect(CASE WHEN side = 0 THEN best END)[0] AS starts, collect(CASE WHEN side = 1 THEN best END)[0] AS ends
UNWIND starts AS a
UNWIND ends AS b
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..6]-(b))
// shortest first; paths of one length in the order of their nodes' ids, then (two nodes joined
// twice, by two types) of their relationships' ids: the same order on every engine
WITH p, a, b, length(p) AS hops, reduce(k = '', n IN nodes(p) | k + n.id + ' ') AS key,
     reduce(k = '', r IN relationships(p) | k + r.id + ' ') AS rkey
ORDER BY hops, key, rkey
LIMIT $limit
RETURN hops,
       coalesce(a.name, a.title, a.id) AS from_name,
       coalesce(b.name, b.title, b.id) AS to_name,
       [n IN nodes(p) | coalesce(n.name, n.title, n.metric, n.id)] AS steps,
       [r IN relationships(p) | type(r)] AS relationships,
       p AS path
