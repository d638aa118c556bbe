// name: measure-owners
// title: Who owns which measure
// description: Agencies responsible for measures, with role (lead, responsible, support),
//   rank within the plan's list and the sentence naming them; filter by plan, province,
//   agency or measure (parts of names, Chinese or English). Measures in document order,
//   owners in rank order (of one rank, by name).
// param: plan: string = null -- part of a plan title, or its document number
// param: province: string = null -- province name, e.g. 浙江, 浙江省 or Zhejiang
// param: agency: string = null -- part of an agency's name, alias or English name, e.g. 省科技厅
// param: measure: string = null -- part of a measure's title, e.g. 统筹科学智算高效供给
// param: role: string = null -- lead, responsible or support
// param: limit: int = 100 -- rows at most
// example: measure=统筹科学智算高效供给 province=浙江
// with a province: from the province (few nodes) to the plans covering it or its cities and districts.
// Reading every owner of a province's measures took 18 ms for 广东 (a step from each of its 14,042
// measures), so a first pass reads the plans in title order (the first 40 at most) until it has
// $limit rows: the answer's rows are then among those of the plans up to the last title it reached,
// and the second pass sorts only those; when it found fewer, every plan. (Without the first sort's
// own LIMIT, FalkorDB 4.16 moved the later LIMIT onto it, before the MATCH, and lost rows.)
MATCH (province:Province)
WHERE $province IS NOT NULL
  AND (province.short = $province OR province.name CONTAINS $province
       OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province))
MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
WITH DISTINCT plan
WHERE $plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan
WITH plan ORDER BY plan.title LIMIT 40
MATCH (plan)-[:HAS_MEASURE]->(m)<-[r:RESPONSIBLE_FOR]-(a)
WHERE ($measure IS NULL OR m.title CONTAINS $measure)
  AND ($role IS NULL OR r.role = $role)
  AND ($agency IS NULL OR a.name CONTAINS $agency
       OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $agency)
       OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($agency))
WITH plan.title AS title LIMIT $limit
WITH max(title) AS last, count(*) AS found
MATCH (province:Province)
WHERE $province IS NOT NULL
  AND (province.short = $province OR province.name CONTAINS $province
       OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province))
MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
WITH DISTINCT province, plan, last, found
WHERE (found < $limit OR plan.title <= last)
  AND ($plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan)
MATCH (plan)-[:HAS_MEASURE]->(m:Measure)<-[r:RESPONSIBLE_FOR]-(a:Agency)
WHERE ($measure IS NULL OR m.title CONTAINS $measure)
  AND ($role IS NULL OR r.role = $role)
  AND ($agency IS NULL OR a.name CONTAINS $agency
       OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $agency)
       OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($agency))
WITH province, plan, m, r, a
ORDER BY plan.title, m.id, r.rank, province.name, a.name, a.id
LIMIT $limit
RETURN province.name AS province,
       plan.title AS plan,
       m.number AS number,
       m.title AS measure,
       a.name AS agency,
       a.name_en AS agency_en,
       r.role AS role,
       r.rank AS rank,
       r.evidence AS evidence,
       m.id AS measure_id,
       a.id AS agency_id
UNION ALL
// without one: every plan, then the province of the rows kept (the first line keeps FalkorDB's
// planner from reading this branch at all when a province is asked for)
WITH 1 AS everywhere WHERE $province IS NULL
MATCH (plan:Plan)
WHERE $plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan
MATCH (plan)-[:HAS_MEASURE]->(m:Measure)<-[r:RESPONSIBLE_FOR]-(a:Agency)
WHERE ($measure IS NULL OR m.title CONTAINS $measure)
  AND ($role IS NULL OR r.role = $role)
  AND ($agency IS NULL OR a.name CONTAINS $agency
       OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $agency)
       OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($agency))
WITH plan, m, r, a
ORDER BY plan.title, m.id, r.rank, a.name, a.id
LIMIT $limit
OPTIONAL MATCH (plan)-[:COVERS]->()-[:LOCATED_IN*0..2]->(province:Province)
WITH plan, m, r, a, min(province.name) AS province
RETURN province,
       plan.title AS plan,
       m.number AS number,
       m.title AS measure,
       a.name AS agency,
       a.name_en AS agency_en,
       r.role AS role,
       r.rank AS rank,
       r.evidence AS evidence,
       m.id AS measure_id,
       a.id AS agency_id
ORDER BY plan, measure_id, rank, agency, agency_id
