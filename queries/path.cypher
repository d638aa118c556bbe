// name: path
// title: How two things are connected
// description: The shortest connections (up to 6 steps, either direction) between two named
//   entities, found by searching from both ends at once (paths of up to 3 steps from each
//   end, joined where they meet) rather than by listing every path: plans, agencies, sites,
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
// measures, targets and incentives through their range indexes; one exact test of every name
// form after (a label has none of the forms it does not test), the same as label by label
// Kept short: FalkorDB 4.16's Bolt listener crashes on a query text of about 4 kB or more
UNWIND [[0, $from, $from_end], [1, $to, $to_end]] AS g
WITH g[0] AS s, g[1] AS w, toLower(g[1]) AS lw, g[2] AS k
OPTIONAL MATCH (x:Plan) WHERE k IN x._names
WITH s, w, lw, k, collect(x) AS c0
OPTIONAL MATCH (x:Agency) WHERE k IN x._names
WITH s, w, lw, k, c0, collect(x) AS c1
OPTIONAL MATCH (x:Site) WHERE k IN x._names
WITH s, w, lw, k, c0, c1, collect(x) AS c2
OPTIONAL MATCH (x:Organization) WHERE k IN x._names
WITH s, w, lw, k, c0, c1, c2, collect(x) AS c3
OPTIONAL MATCH (x:Province) WHERE k IN x._names
WITH s, w, lw, k, c0, c1, c2, c3, collect(x) AS c4
OPTIONAL MATCH (x:City) WHERE k IN x._names
WITH s, w, lw, k, c0, c1, c2, c3, c4, collect(x) AS c5
OPTIONAL MATCH (x:District) WHERE k IN x._names
WITH s, w, lw, k, c0, c1, c2, c3, c4, c5, collect(x) AS c6
OPTIONAL MATCH (x:Measure) WHERE x.id = w OR x.title = w
WITH s, w, lw, c0, c1, c2, c3, c4, c5, c6, collect(x) AS c7
OPTIONAL MATCH (x:Target {id: w})
WITH s, w, lw, c0, c1, c2, c3, c4, c5, c6, c7, collect(x) AS c8
OPTIONAL MATCH (x:Incentive {id: w})
WITH s, w, lw, c0, c1, c2, c3, c4, c5, c6, c7, c8, collect(x) AS c9
UNWIND c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 AS a
WITH s, w, lw, a WHERE a.id = w OR a.name CONTAINS w OR a.title CONTAINS w OR a.doc_number = w OR a.short = w
  OR any(n IN coalesce(a.aliases, []) WHERE n CONTAINS w) OR toLower(coalesce(a.name_en, '')) CONTAINS lw
WITH s, a, CASE WHEN a.id = w OR a.name = w OR a.title = w OR a.short = w OR w IN coalesce(a.aliases, [])
  OR toLower(coalesce(a.name_en, '')) = lw THEN 0 ELSE 1 END AS fit
ORDER BY s, fit, size(coalesce(a.name, a.title, a.id)), a.id
WITH s, collect(a)[..3] AS best
WITH collect(CASE WHEN s = 0 THEN best END)[0] AS starts, collect(CASE WHEN s = 1 THEN best END)[0] AS ends
// the shortest paths from both ends: paths of up to 2 steps from each end, joined where they
// meet (FalkorDB hashes both sides: a value hash join), find every connection of up to 4 steps;
// only between the pairs with none, 2 steps from one end and 3 from the other, then 3 and 3.
// A walk of the fewest steps is a path; each is cut at one place, (d + 1) / 2 steps from `to`
// (allShortestPaths' breadth-first search from one end read most of the graph between hubs)
UNWIND starts AS a
UNWIND ends AS b
// u and v: the ends, v the one with fewer relationships, from which the longer halves start
WITH a, b, size([(a)--() | 1]) AS da, size([(b)--() | 1]) AS db
WHERE a <> b
WITH a, b, da < db AS f, CASE WHEN da < db THEN b ELSE a END AS u, CASE WHEN da < db THEN a ELSE b END AS v,
 CASE WHEN da < db THEN da * 20 <= db ELSE db * 20 <= da END AS z
OPTIONAL MATCH p = (u)-[*0..2]-(x), q = (v)-[*0..2]-(y) WHERE id(x) = id(y)
WITH f, u, v, z, collect([p, q]) AS h, min(length(p) + length(q)) AS d
WITH f, u, v, z, h, d, CASE WHEN d IS NULL THEN u END AS s, CASE WHEN d IS NULL THEN v END AS t
OPTIONAL MATCH p = (s)-[*2]-(x), q = (t)-[*3]-(y) WHERE id(x) = id(y)
WITH f, u, v, z, h, d, collect([p, q]) AS g, min(length(p) + length(q)) AS e
WITH f, u, v, z, h + g AS h, coalesce(d, e) AS d
WITH f, u, v, z, h, d, CASE WHEN d IS NULL AND z THEN u END AS s, CASE WHEN d IS NULL AND z THEN v END AS t
OPTIONAL MATCH p = (s)-[*2]-(x), q = (t)-[*4]-(y) WHERE id(x) = id(y)
WITH f, u, v, z, h, d, collect([p, q]) AS g, min(length(p) + length(q)) AS e
WITH f, u, v, z, h + g AS h, coalesce(d, e) AS d
WITH f, h, d, CASE WHEN d IS NULL AND NOT z THEN u END AS s, CASE WHEN d IS NULL AND NOT z THEN v END AS t
OPTIONAL MATCH p = (s)-[*3]-(x), q = (t)-[*3]-(y) WHERE id(x) = id(y)
WITH f, h, d, collect([p, q]) AS g, min(length(p) + length(q)) AS e
WITH f, h + g AS h, coalesce(d, e) AS d
UNWIND h AS r
// each path once, cut where it was met: its steps from u, then those from v reversed
WITH f, d, r[0] AS p, r[1] AS q
WHERE length(p) + length(q) = d AND (d > 4 OR length(q) = (d + 1) / 2)
WITH f, d AS hops, nodes(p) + tail(reverse(nodes(q))) AS ns, relationships(p) + reverse(relationships(q)) AS rs
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
