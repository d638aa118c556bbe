// name: search
// title: Search measures
// description: Ranked full-text search over measure titles and texts. The text is cut
//   into words with jieba (the same dictionary the loaders use), so 科学智算 finds
//   统筹科学智算高效供给; English and Chinese names of the sites, agencies and
//   organizations a measure names also match (Songshan Lake, Zhejiang Lab). A word in the
//   title counts 3, in the text 1, a matching name 5. Only the measures that match in
//   their words or through a matching name are scored, so a search does not build the
//   names of every measure's sites and owners.
// param: q: string -- words to look for, Chinese or English
// param: plan: string = null -- part of a plan title, to search one plan
// param: limit: int = 50 -- rows at most
// derive: terms = tokens(q) -- the jieba words of q, lower-cased
// derive: phrase = lower(q) -- q lower-cased, blanks folded
// example: q=科学智算
// example: q=Songshan Lake
// the measures whose sites, organizations or owners have a matching name (few)
OPTIONAL MATCH (e)
WHERE (e:Site OR e:Organization OR e:Agency)
  AND any(n IN [e.name, toLower(coalesce(e.name_en, ''))] + coalesce(e.aliases, [])
          WHERE n IS NOT NULL AND size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
OPTIONAL MATCH (e)-[:AT_SITE|MENTIONS|RESPONSIBLE_FOR]-(linked:Measure)
WITH collect(DISTINCT linked) AS by_name
// then every measure matching in its words or through such a name
MATCH (plan:Plan)-[:HAS_MEASURE]->(m:Measure)
WHERE ($plan IS NULL OR plan.title CONTAINS $plan)
  AND (any(t IN $terms WHERE toLower(coalesce(m.title, '')) CONTAINS t
                          OR toLower(coalesce(m.text, '')) CONTAINS t)
       OR m IN by_name)
OPTIONAL MATCH (m)-[:AT_SITE|MENTIONS]->(named)
OPTIONAL MATCH (owner:Agency)-[:RESPONSIBLE_FOR]->(m)
WITH plan, m,
     collect(DISTINCT named) + collect(DISTINCT owner) AS entities
WITH plan, m,
     reduce(acc = [], e IN entities |
            acc + [e.name, toLower(coalesce(e.name_en, ''))] + coalesce(e.aliases, [])) AS names,
     toLower(coalesce(m.title, '')) AS title,
     toLower(coalesce(m.text, '')) AS text
WITH plan, m, title,
     [t IN $terms WHERE title CONTAINS t] AS in_title,
     [t IN $terms WHERE text CONTAINS t] AS in_text,
     [n IN names WHERE n IS NOT NULL AND size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n)] AS in_names
WITH plan, m, in_title, in_text, in_names,
     3 * size(in_title) + size(in_text) + 5 * size(in_names) AS score
WHERE score > 0
RETURN score,
       plan.title AS plan,
       m.number AS number,
       m.title AS measure,
       in_title + [t IN in_text WHERE NOT t IN in_title] AS matched,
       in_names AS matched_names,
       m.text AS text,
       m.id AS measure_id
ORDER BY score DESC, plan, measure_id
LIMIT $limit
