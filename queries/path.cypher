// name: path
// title: How two things are connected
// description: The shortest connections (up to 6 steps, either direction) between two named
//   entities, found by a breadth-first search (allShortestPaths) rather than by listing
//   every path: plans, measures, agencies, sites, targets, regions, organizations, by name,
//   title, alias, English name or id (exact matches first, else parts of names; the
//   three best candidates on each side are tried). Each row is one path, shortest first,
//   with its steps as names and relationship types.
// param: from: string -- one entity, e.g. 松山湖 or Songshan Lake
// param: to: string -- the other, e.g. 中共广东省委科技委员会
// param: limit: int = 5 -- paths at most
// example: from=Songshan Lake to=中共广东省委科技委员会
MATCH (a)
WHERE a.id = $from OR a.name CONTAINS $from OR a.title CONTAINS $from OR a.short = $from
   OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $from)
   OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($from)
WITH a, CASE WHEN a.id = $from OR a.name = $from OR a.title = $from OR a.short = $from
               OR $from IN coalesce(a.aliases, []) OR toLower(coalesce(a.name_en, '')) = toLower($from)
             THEN 0 ELSE 1 END AS fit
ORDER BY fit, size(coalesce(a.name, a.title, a.id))
LIMIT 3
WITH collect(a) AS starts
MATCH (b)
WHERE b.id = $to OR b.name CONTAINS $to OR b.title CONTAINS $to OR b.short = $to
   OR any(alias IN coalesce(b.aliases, []) WHERE alias CONTAINS $to)
   OR toLower(coalesce(b.name_en, '')) CONTAINS toLower($to)
WITH starts, b, CASE WHEN b.id = $to OR b.name = $to OR b.title = $to OR b.short = $to
                       OR $to IN coalesce(b.aliases, []) OR toLower(coalesce(b.name_en, '')) = toLower($to)
                     THEN 0 ELSE 1 END AS fit
ORDER BY fit, size(coalesce(b.name, b.title, b.id))
LIMIT 3
WITH starts, collect(b) AS ends
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
