// name: path
// title: How two things are connected
// description: The shortest connections (up to 6 steps, either direction) between two named
//   entities, found by a breadth-first search (allShortestPaths) rather than by listing
//   every path: plans, agencies, sites, organizations and regions by name, title, short
//   name, alias or English name, or a part of one; measures by id or exact title, targets
//   and incentives by id (exact matches first; the three best candidates on each side are
//   tried). Each row is one path, shortest first, with its steps as names and
//   relationship types.
// param: from: string -- one entity, e.g. 松山湖 or Songshan Lake
// param: to: string -- the other, e.g. 中共广东省委科技委员会
// param: limit: int = 5 -- paths at most
// example: from=Songshan Lake to=中共广东省委科技委员会
// shortest first; paths of one length in the order of their nodes' ids, the same on every engine
// the candidates of each side, label by label through the indexes and the small labels'
// names (never a scan of every node)
CALL {
  MATCH (x:Plan)
  WHERE x.id = $from OR x.title CONTAINS $from OR x.doc_number = $from
  RETURN collect(x) AS plans
}
CALL {
  MATCH (x:Agency)
  WHERE x.id = $from OR x.name CONTAINS $from OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $from)
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($from)
  RETURN collect(x) AS agencies
}
CALL {
  MATCH (x:Site)
  WHERE x.id = $from OR x.name CONTAINS $from OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $from)
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($from)
  RETURN collect(x) AS sites
}
CALL {
  MATCH (x:Organization)
  WHERE x.id = $from OR x.name CONTAINS $from OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $from)
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($from)
  RETURN collect(x) AS organizations
}
CALL {
  MATCH (x:Province)
  WHERE x.id = $from OR x.name CONTAINS $from OR x.short = $from
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($from)
  RETURN collect(x) AS provinces
}
CALL {
  MATCH (x:City)
  WHERE x.id = $from OR x.name CONTAINS $from OR x.short = $from
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($from)
  RETURN collect(x) AS cities
}
CALL {
  MATCH (x:District)
  WHERE x.id = $from OR x.name CONTAINS $from OR x.short = $from
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($from)
  RETURN collect(x) AS districts
}
CALL {
  MATCH (x:Measure) WHERE x.id = $from OR x.title = $from
  RETURN collect(x) AS measures
}
CALL {
  MATCH (x:Target) WHERE x.id = $from
  RETURN collect(x) AS targets
}
CALL {
  MATCH (x:Incentive) WHERE x.id = $from
  RETURN collect(x) AS incentives
}
UNWIND plans + agencies + sites + organizations + provinces + cities + districts + measures + targets + incentives AS a
WITH a, CASE WHEN a.id = $from OR a.name = $from OR a.title = $from OR a.short = $from
               OR $from IN coalesce(a.aliases, []) OR toLower(coalesce(a.name_en, '')) = toLower($from)
             THEN 0 ELSE 1 END AS fit
ORDER BY fit, size(coalesce(a.name, a.title, a.id)), a.id
LIMIT 3
WITH collect(a) AS starts
CALL {
  MATCH (x:Plan)
  WHERE x.id = $to OR x.title CONTAINS $to OR x.doc_number = $to
  RETURN collect(x) AS plans
}
CALL {
  MATCH (x:Agency)
  WHERE x.id = $to OR x.name CONTAINS $to OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $to)
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($to)
  RETURN collect(x) AS agencies
}
CALL {
  MATCH (x:Site)
  WHERE x.id = $to OR x.name CONTAINS $to OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $to)
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($to)
  RETURN collect(x) AS sites
}
CALL {
  MATCH (x:Organization)
  WHERE x.id = $to OR x.name CONTAINS $to OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $to)
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($to)
  RETURN collect(x) AS organizations
}
CALL {
  MATCH (x:Province)
  WHERE x.id = $to OR x.name CONTAINS $to OR x.short = $to
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($to)
  RETURN collect(x) AS provinces
}
CALL {
  MATCH (x:City)
  WHERE x.id = $to OR x.name CONTAINS $to OR x.short = $to
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($to)
  RETURN collect(x) AS cities
}
CALL {
  MATCH (x:District)
  WHERE x.id = $to OR x.name CONTAINS $to OR x.short = $to
     OR toLower(coalesce(x.name_en, '')) CONTAINS toLower($to)
  RETURN collect(x) AS districts
}
CALL {
  MATCH (x:Measure) WHERE x.id = $to OR x.title = $to
  RETURN collect(x) AS measures
}
CALL {
  MATCH (x:Target) WHERE x.id = $to
  RETURN collect(x) AS targets
}
CALL {
  MATCH (x:Incentive) WHERE x.id = $to
  RETURN collect(x) AS incentives
}
UNWIND plans + agencies + sites + organizations + provinces + cities + districts + measures + targets + incentives AS b
WITH starts, b, CASE WHEN b.id = $to OR b.name = $to OR b.title = $to OR b.short = $to
               OR $to IN coalesce(b.aliases, []) OR toLower(coalesce(b.name_en, '')) = toLower($to)
             THEN 0 ELSE 1 END AS fit
ORDER BY fit, size(coalesce(b.name, b.title, b.id)), b.id
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
