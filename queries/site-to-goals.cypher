// name: site-to-goals
// title: From a site to the goals and measures naming it
// description: What the plans say about one site, found by its Chinese or English name, an
//   alias or part of one (松山湖, 东莞松山湖, Songshan Lake, Bio Island, Tangjiawan; English
//   names whatever their case, blanks and hyphens). Three parts, each row once: the targets
//   that name the site (via "target names the site", with the measure that sets one, if a
//   measure does); the other targets of the measures that name the site ("target of a measure
//   naming the site"); and the measures that name the site and set no target of their own
//   ("measure names the site", no goal). The plan-wide goals of those measures' plans are
//   not listed: they do not name the site, and one plan's goals would bury the few that do
//   (plan-targets plan=… lists them). Each row carries its path through the graph, each
//   node with its id, labels and the properties that name it (a site's name and kind, a
//   measure's title, a target's metric, text and year; the node's page has the rest), each
//   relationship whole; names_site tells whether the goal itself names the site.
// param: site: string -- name, alias or English name of a site, or part of one
// param: limit: int = 200 -- rows at most in each of the three parts
// derive: site_key = name_key(site) -- the site lower-cased without blanks and hyphens, for English names
// derive: site_keys = name_lookup(site) -- the keys of the sites' _names index that may hold the site or be held by it (graph/store/names.py)
// example: site=松山湖
// example: site=Songshan Lake
// the sites under the keys of the name's index (a superset), then the exact test of their names
UNWIND $site_keys AS key
MATCH (s:Site) WHERE key IN s._names
WITH DISTINCT s
WHERE s.name CONTAINS $site OR $site CONTAINS s.name
   OR any(alias IN coalesce(s.aliases, []) WHERE alias CONTAINS $site OR $site CONTAINS alias)
   OR ($site_key IS NOT NULL
       AND any(english IN [coalesce(s.name_en, '')] + coalesce(s.aliases_en, [])
               WHERE replace(replace(toLower(english), ' ', ''), '-', '') CONTAINS $site_key))
// the three parts in one pass from the site (a UNION of three queries found the site three times,
// and with the paths' maps outgrew what FalkorDB's Bolt listener takes): a target naming it (part
// 1), a measure naming it with each of its targets that does not (part 2), a measure naming it that
// sets none (part 3); a measure whose targets all name the site is in part 1 with them
MATCH (s)<-[named:AT_SITE]-(x)
WHERE x:Target OR x:Measure
OPTIONAL MATCH (x:Measure)-[sets:SETS_TARGET]->(own:Target)
WITH s, named, x, sets, own
WHERE own IS NULL OR NOT (own)-[:AT_SITE]->(s)
OPTIONAL MATCH (setter:Measure)-[:SETS_TARGET]->(x)
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(x)
WITH s, named, x, sets, own, direct, CASE WHEN x:Target THEN 1 WHEN own IS NULL THEN 3 ELSE 2 END AS part,
     CASE WHEN x:Target THEN setter ELSE x END AS m
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(m)
WITH s, named, x, sets, own, m, part, coalesce(own, CASE part WHEN 1 THEN x END) AS goal,
     coalesce(direct, viaMeasure) AS plan
ORDER BY part, s.name, CASE WHEN part > 1 THEN plan.title END, CASE WHEN part > 1 THEN m.id END, goal.year, goal.id
// the first $limit rows of each part, in order; collected as lists (maps of nodes cost FalkorDB
// 30-55 µs a row to collect)
WITH part, collect([s, named, x, sets, own, m, goal, plan]) AS rows
ORDER BY part
UNWIND rows[..$limit] AS row
WITH part, row[0] AS s, row[1] AS named, row[2] AS x, row[3] AS sets, row[4] AS own, row[5] AS m,
     row[6] AS goal, row[7] AS plan
// the path as a map, its nodes named, not whole: a site's sources (95 files at 10,000 documents)
// and a measure's text and index words, in every row, cost more than the query itself
RETURN s.name AS site,
       CASE part WHEN 1 THEN 'target names the site' WHEN 2 THEN 'target of a measure naming the site'
            ELSE 'measure names the site' END AS via,
       m.title AS measure,
       goal.text AS goal,
       goal.year AS year,
       plan.title AS plan,
       CASE part WHEN 1 THEN true WHEN 2 THEN false END AS names_site,
       named.evidence AS evidence,
       {nodes: [{id: s.id, labels: ['Site'], properties: s {.id, .name, .kind}},
                {id: x.id, labels: labels(x),
                 properties: CASE part WHEN 1 THEN x {.id, .metric, .text, .year} ELSE x {.id, .title} END}]
               + [t IN [own] WHERE t IS NOT NULL | {id: t.id, labels: ['Target'], properties: t {.id, .metric, .text, .year}}],
        relationships: [{id: named.id, type: 'AT_SITE', start: x.id, end: s.id, properties: properties(named)}]
               + [r IN [sets] WHERE r IS NOT NULL
                  | {id: r.id, type: 'SETS_TARGET', start: x.id, end: own.id, properties: properties(r)}]} AS path
