// name: path
// title: How two things are connected
// description: The shortest connections (up to 6 steps, either direction) between two named
//   entities, found by a breadth-first search (allShortestPaths) rather than by listing
//   every path: plans, agencies, sites, organizations and regions by name, title, short
//   name, alias or English name, or a part of one; measures by id or exact title, targets
//   and incentives by id (exact matches first, then the shortest names; the three best
//   candidates on each side are tried). Each row is one path, shortest first, with its
//   steps as names and relationship types.
// param: from: string -- one entity, e.g. 松山湖 or Songshan Lake
// param: to: string -- the other, e.g. 中共广东省委科技委员会
// param: limit: int = 5 -- paths at most
// derive: from_key = contains_key(from) -- a pair of its characters: agencies, sites and organizations are looked up by their _names keys
// derive: to_key = contains_key(to) -- the same for the other
// example: from=Songshan Lake to=中共广东省委科技委员会
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
// shortest first; paths of one length in the order of their nodes' ids, the same on every engine
WITH p, a, b, length(p) AS hops, reduce(key = '', n IN nodes(p) | key + n.id + ' ') AS key
ORDER BY hops, key
LIMIT $limit
RETURN hops,
       coalesce(a.name, a.title, a.id) AS from_name,
       coalesce(b.name, b.title, b.id) AS to_name,
       [n IN nodes(p) | coalesce(n.name, n.title, n.metric, n.id)] AS steps,
       [r IN relationships(p) | type(r)] AS relationships,
       p AS path
