// name: site-to-goals
// title: From a site to the goals and measures naming it
// description: A site by Chinese or English name, alias or part of one (松山湖, 东莞松山湖,
//   Songshan Lake) leads to the targets that name it, the measures that name it with
//   their own targets, and the goals of the plans those measures serve. Each row carries
//   the path through the graph; names_site tells whether the goal itself names the site.
// param: site: string -- name, alias or English name of a site, or part of one
// param: limit: int = 200 -- rows at most in each of the three parts
// example: site=松山湖
// example: site=Songshan Lake
MATCH (s:Site)
WHERE s.name CONTAINS $site OR $site CONTAINS s.name
   OR any(alias IN coalesce(s.aliases, []) WHERE alias CONTAINS $site OR $site CONTAINS alias)
   OR toLower(coalesce(s.name_en, '')) CONTAINS toLower($site)
MATCH path = (s)<-[named:AT_SITE]-(goal:Target)
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(goal)
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(:Measure)-[:SETS_TARGET]->(goal)
WITH s, path, named, goal, coalesce(direct, viaMeasure) AS plan
ORDER BY goal.year, goal.id
RETURN s.name AS site,
       'target names the site' AS via,
       null AS measure,
       goal.text AS goal,
       goal.year AS year,
       plan.title AS plan,
       true AS names_site,
       named.evidence AS evidence,
       path
LIMIT $limit
UNION ALL
MATCH (s:Site)
WHERE s.name CONTAINS $site OR $site CONTAINS s.name
   OR any(alias IN coalesce(s.aliases, []) WHERE alias CONTAINS $site OR $site CONTAINS alias)
   OR toLower(coalesce(s.name_en, '')) CONTAINS toLower($site)
MATCH path = (s)<-[named:AT_SITE]-(m:Measure)-[:SETS_TARGET]->(goal:Target)
OPTIONAL MATCH (plan:Plan)-[:HAS_MEASURE]->(m)
OPTIONAL MATCH (goal)-[also:AT_SITE]->(s)
WITH s, path, named, m, goal, plan, also
ORDER BY plan.title, m.id, goal.year
RETURN s.name AS site,
       'target of a measure naming the site' AS via,
       m.title AS measure,
       goal.text AS goal,
       goal.year AS year,
       plan.title AS plan,
       also IS NOT NULL AS names_site,
       named.evidence AS evidence,
       path
LIMIT $limit
UNION ALL
MATCH (s:Site)
WHERE s.name CONTAINS $site OR $site CONTAINS s.name
   OR any(alias IN coalesce(s.aliases, []) WHERE alias CONTAINS $site OR $site CONTAINS alias)
   OR toLower(coalesce(s.name_en, '')) CONTAINS toLower($site)
MATCH (s)<-[named:AT_SITE]-(m:Measure)<-[:HAS_MEASURE]-(plan:Plan)
OPTIONAL MATCH path = (s)<-[:AT_SITE]-(m)<-[:HAS_MEASURE]-(plan)-[:SETS_TARGET]->(goal:Target)
OPTIONAL MATCH (goal)-[also:AT_SITE]->(s)
WITH s, path, named, m, goal, plan, also
ORDER BY also IS NULL, plan.title, m.id, goal.year, goal.id
RETURN s.name AS site,
       'goal of the plan of a measure naming the site' AS via,
       m.title AS measure,
       goal.text AS goal,
       goal.year AS year,
       plan.title AS plan,
       also IS NOT NULL AS names_site,
       named.evidence AS evidence,
       path
LIMIT $limit
