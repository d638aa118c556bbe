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
//   (plan-targets plan=… lists them). Each row carries its path through the graph;
//   names_site tells whether the goal itself names the site.
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
MATCH path = (s)<-[named:AT_SITE]-(goal:Target)
OPTIONAL MATCH (m:Measure)-[:SETS_TARGET]->(goal)
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(goal)
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(m)
WITH s, path, named, goal, m, coalesce(direct, viaMeasure) AS plan
ORDER BY s.name, goal.year, goal.id
RETURN s.name AS site,
       'target names the site' AS via,
       m.title AS measure,
       goal.text AS goal,
       goal.year AS year,
       plan.title AS plan,
       true AS names_site,
       named.evidence AS evidence,
       path
LIMIT $limit
UNION ALL
UNWIND $site_keys AS key
MATCH (s:Site) WHERE key IN s._names
WITH DISTINCT s
WHERE s.name CONTAINS $site OR $site CONTAINS s.name
   OR any(alias IN coalesce(s.aliases, []) WHERE alias CONTAINS $site OR $site CONTAINS alias)
   OR ($site_key IS NOT NULL
       AND any(english IN [coalesce(s.name_en, '')] + coalesce(s.aliases_en, [])
               WHERE replace(replace(toLower(english), ' ', ''), '-', '') CONTAINS $site_key))
MATCH path = (s)<-[named:AT_SITE]-(m:Measure)-[:SETS_TARGET]->(goal:Target)
// a target that names the site is in the first part already
WHERE NOT (goal)-[:AT_SITE]->(s)
OPTIONAL MATCH (plan:Plan)-[:HAS_MEASURE]->(m)
WITH s, path, named, m, goal, plan
ORDER BY s.name, plan.title, m.id, goal.year, goal.id
RETURN s.name AS site,
       'target of a measure naming the site' AS via,
       m.title AS measure,
       goal.text AS goal,
       goal.year AS year,
       plan.title AS plan,
       false AS names_site,
       named.evidence AS evidence,
       path
LIMIT $limit
UNION ALL
UNWIND $site_keys AS key
MATCH (s:Site) WHERE key IN s._names
WITH DISTINCT s
WHERE s.name CONTAINS $site OR $site CONTAINS s.name
   OR any(alias IN coalesce(s.aliases, []) WHERE alias CONTAINS $site OR $site CONTAINS alias)
   OR ($site_key IS NOT NULL
       AND any(english IN [coalesce(s.name_en, '')] + coalesce(s.aliases_en, [])
               WHERE replace(replace(toLower(english), ' ', ''), '-', '') CONTAINS $site_key))
MATCH path = (s)<-[named:AT_SITE]-(m:Measure)
// a measure whose own targets all name the site is in the first part with them
WHERE NOT (m)-[:SETS_TARGET]->(:Target)
OPTIONAL MATCH (plan:Plan)-[:HAS_MEASURE]->(m)
WITH s, path, named, m, plan
ORDER BY s.name, plan.title, m.id
RETURN s.name AS site,
       'measure names the site' AS via,
       m.title AS measure,
       null AS goal,
       null AS year,
       plan.title AS plan,
       null AS names_site,
       named.evidence AS evidence,
       path
LIMIT $limit
