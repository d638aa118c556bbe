// name: search
// title: Search measures
// description: Ranked full-text search over measure titles and texts. The text is cut
//   into words with jieba (the same dictionary the loaders use), so 科学智算 finds
//   统筹科学智算高效供给; English and Chinese names of the sites, agencies and
//   organizations a measure names also match (Songshan Lake, Zhejiang Lab). A word in the
//   title counts 3, in the text 1, a matching name 5. The engine's full-text index of
//   measures finds the ones holding a word (graph/store/search.py says how), so a search
//   reads only those, not every measure's text; of a word found in many measures, the
//   index's own relevance picks the best 4 × limit (at least 200) to score, of the first
//   40 × limit (at least 2,000) the index gives; of a name found in many, the measures
//   naming the closest 4 × limit of them (the shortest names) are scored.
// param: q: string -- words to look for, Chinese or English
// param: plan: string = null -- part of a plan title, to search one plan
// param: limit: int = 50 -- rows at most
// derive: terms = tokens(q) -- the jieba words of q, lower-cased
// derive: phrase = lower(q) -- q lower-cased, blanks folded
// derive: fulltext = falkordb_fulltext(q) -- the words as a query of FalkorDB's full-text index
// derive: lucene = lucene_fulltext(q) -- the words as a query of Neo4j's full-text index
// derive: name_keys = name_lookup(q) -- the keys of the _names index of names that may hold the words or be held by them
// derive: candidates = candidates(limit) -- how many of the index's best hits are scored
// derive: hits = hits(limit) -- how many of the index's hits are ranked
// example: q=科学智算
// example: q=Songshan Lake
// variant: falkordb
// the sites, organizations and agencies with a matching name, as one stream of rows (a UNION in a
// CALL: three collected lists unwound again cost 1-2 ms more at 10,000 documents), and the measures
// naming the closest (shortest) of them most;
// the names under the keys of the name index (a superset, graph/store/names.py), then the exact test,
// the name itself first and the other forms only when it fails (3,789 sites hold 人工智能 at 10,000 documents)
CALL {
  UNWIND $name_keys AS key
  MATCH (s:Site) WHERE key IN s._names
  WITH DISTINCT s
  WHERE (size(s.name) > 1 AND (s.name CONTAINS $phrase OR $phrase CONTAINS s.name))
     OR any(n IN [toLower(coalesce(s.name_en, ''))] + coalesce(s.aliases, [])
            WHERE size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
  RETURN s AS e
  UNION ALL
  UNWIND $name_keys AS key
  MATCH (o:Organization) WHERE key IN o._names
  WITH DISTINCT o
  WHERE (size(o.name) > 1 AND (o.name CONTAINS $phrase OR $phrase CONTAINS o.name))
     OR any(n IN [toLower(coalesce(o.name_en, ''))] + coalesce(o.aliases, [])
            WHERE size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
  RETURN o AS e
  UNION ALL
  UNWIND $name_keys AS key
  MATCH (a:Agency) WHERE key IN a._names
  WITH DISTINCT a
  WHERE (size(a.name) > 1 AND (a.name CONTAINS $phrase OR $phrase CONTAINS a.name))
     OR any(n IN [toLower(coalesce(a.name_en, ''))] + coalesce(a.aliases, [])
            WHERE size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
  RETURN a AS e
}
WITH e ORDER BY size(coalesce(e.name, '')), e.id LIMIT $candidates
MATCH (e)-[:AT_SITE|MENTIONS|RESPONSIBLE_FOR]-(linked:Measure)
WITH linked, count(*) AS names
ORDER BY names DESC, linked.id
LIMIT $candidates
WITH collect(linked) AS by_name
// the measures the full-text index finds for the words (a superset: CONTAINS decides below)
// FalkorDB's procedure gives its hits unranked, all of them, before a sort could keep the best:
// the first $hits are ranked (a common word is in 105,282 of the measures at 10,000 documents)
CALL {
  CALL db.idx.fulltext.queryNodes('Measure', $fulltext) YIELD node, score
  WITH node, score LIMIT $hits
  WITH node ORDER BY score DESC, node.id LIMIT $candidates
  RETURN collect(node) AS by_word
}
// each measure once, marked when a name found it
UNWIND [m IN by_name | [m, 1]] + [m IN by_word | [m, 0]] AS hit
WITH hit[0] AS m, max(hit[1]) = 1 AS through_name
MATCH (plan:Plan)-[:HAS_MEASURE]->(m)
WHERE $plan IS NULL OR plan.title CONTAINS $plan
// a word (lower-cased) as written first: most texts hold it so, and lower-casing each text cost 2 ms
WITH plan, m, through_name, coalesce(m.title, '') AS title, coalesce(m.text, '') AS text
WITH plan, m, through_name,
     [t IN $terms WHERE title CONTAINS t OR toLower(title) CONTAINS t] AS in_title,
     [t IN $terms WHERE text CONTAINS t OR toLower(text) CONTAINS t] AS in_text
WHERE through_name OR size(in_title) + size(in_text) > 0
// the names of what a measure names or who owns it, kept for the measures found through one
// (read for all: FalkorDB plans an OPTIONAL MATCH with a WHERE as a traversal per row that costs
// more the larger the graph; 5.2 against 0.5 ms for 200 measures at 100 documents)
OPTIONAL MATCH (m)-[:AT_SITE|MENTIONS]->(x)
OPTIONAL MATCH (owner:Agency)-[:RESPONSIBLE_FOR]->(m)
WITH plan, m, in_title, in_text, through_name, collect(DISTINCT x) + collect(DISTINCT owner) AS linked
WITH plan, m, in_title, in_text, CASE WHEN through_name THEN linked ELSE [] END AS entities
// each entity's matching names kept as they are read (a list of all the names first cost 2 ms)
WITH plan, m, in_title, in_text,
     reduce(acc = [], e IN entities |
            acc + [n IN [e.name, toLower(coalesce(e.name_en, ''))] + coalesce(e.aliases, [])
                   WHERE n IS NOT NULL AND size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n)]) AS in_names
WITH plan, m, in_title, in_text, in_names,
     3 * size(in_title) + size(in_text) + 5 * size(in_names) AS score
WHERE score > 0
WITH plan, m, in_title, in_text, in_names, score
ORDER BY score DESC, plan.title, m.id
LIMIT $limit
RETURN score,
       plan.title AS plan,
       m.number AS number,
       m.title AS measure,
       in_title + [t IN in_text WHERE NOT t IN in_title] AS matched,
       in_names AS matched_names,
       m.text AS text,
       m.id AS measure_id
// variant: neo4j
// the measures the full-text index (cjk analyzer) finds for the words; CONTAINS decides below
CALL db.index.fulltext.queryNodes('measure_search', $lucene) YIELD node, score
WITH node ORDER BY score DESC, node.id LIMIT $candidates
WITH collect(node) AS by_word
// the sites, organizations and agencies with a matching name, and the measures naming them
// most (as many as the index gives, at most); each list made on its own (CALL), not carried;
// the names under the keys of the name index (a superset, graph/store/names.py), then the exact test,
// the name itself first and the other forms only when it fails (3,789 sites hold 人工智能 at 10,000 documents)
CALL {
  UNWIND $name_keys AS key
  MATCH (s:Site) WHERE key IN s._names
  WITH DISTINCT s
  WHERE (size(s.name) > 1 AND (s.name CONTAINS $phrase OR $phrase CONTAINS s.name))
     OR any(n IN [toLower(coalesce(s.name_en, ''))] + coalesce(s.aliases, [])
            WHERE size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
  RETURN collect(s) AS sites
}
CALL {
  UNWIND $name_keys AS key
  MATCH (o:Organization) WHERE key IN o._names
  WITH DISTINCT o
  WHERE (size(o.name) > 1 AND (o.name CONTAINS $phrase OR $phrase CONTAINS o.name))
     OR any(n IN [toLower(coalesce(o.name_en, ''))] + coalesce(o.aliases, [])
            WHERE size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
  RETURN collect(o) AS organizations
}
CALL {
  UNWIND $name_keys AS key
  MATCH (a:Agency) WHERE key IN a._names
  WITH DISTINCT a
  WHERE (size(a.name) > 1 AND (a.name CONTAINS $phrase OR $phrase CONTAINS a.name))
     OR any(n IN [toLower(coalesce(a.name_en, ''))] + coalesce(a.aliases, [])
            WHERE size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n))
  RETURN collect(a) AS agencies
}
CALL {
  WITH sites, organizations, agencies
  UNWIND sites + organizations + agencies AS e
  WITH e ORDER BY size(coalesce(e.name, '')), e.id LIMIT $candidates
  MATCH (e)-[:AT_SITE|MENTIONS|RESPONSIBLE_FOR]-(linked:Measure)
  WITH linked, count(*) AS names
  ORDER BY names DESC, linked.id
  LIMIT $candidates
  RETURN collect(linked) AS by_name
}
// each measure once, marked when a name found it
UNWIND [m IN by_name | {m: m, named: 1}] + [m IN by_word | {m: m, named: 0}] AS hit
WITH hit.m AS m, max(hit.named) = 1 AS through_name
MATCH (plan:Plan)-[:HAS_MEASURE]->(m)
WHERE $plan IS NULL OR plan.title CONTAINS $plan
// a word (lower-cased) as written first: most texts hold it so, and lower-casing each text cost 2 ms
WITH plan, m, through_name, coalesce(m.title, '') AS title, coalesce(m.text, '') AS text
WITH plan, m, through_name,
     [t IN $terms WHERE title CONTAINS t OR toLower(title) CONTAINS t] AS in_title,
     [t IN $terms WHERE text CONTAINS t OR toLower(text) CONTAINS t] AS in_text
WHERE through_name OR size(in_title) + size(in_text) > 0
OPTIONAL MATCH (m)-[:AT_SITE|MENTIONS]->(x)
WHERE through_name
OPTIONAL MATCH (owner:Agency)-[:RESPONSIBLE_FOR]->(m)
WHERE through_name
WITH plan, m, in_title, in_text, collect(DISTINCT x) + collect(DISTINCT owner) AS entities
// each entity's matching names kept as they are read (a list of all the names first cost 2 ms)
WITH plan, m, in_title, in_text,
     reduce(acc = [], e IN entities |
            acc + [n IN [e.name, toLower(coalesce(e.name_en, ''))] + coalesce(e.aliases, [])
                   WHERE n IS NOT NULL AND size(n) > 1 AND (n CONTAINS $phrase OR $phrase CONTAINS n)]) AS in_names
WITH plan, m, in_title, in_text, in_names,
     3 * size(in_title) + size(in_text) + 5 * size(in_names) AS score
WHERE score > 0
WITH plan, m, in_title, in_text, in_names, score
ORDER BY score DESC, plan.title, m.id
LIMIT $limit
RETURN score,
       plan.title AS plan,
       m.number AS number,
       m.title AS measure,
       in_title + [t IN in_text WHERE NOT t IN in_title] AS matched,
       in_names AS matched_names,
       m.text AS text,
       m.id AS measure_id
