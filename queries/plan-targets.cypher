// name: plan-targets
// title: Dated targets by plan, province, year and unit
// description: The goals plans set (到2027年…), quantitative and qualitative, with value,
//   range, unit and comparator as written, the measure that sets it (if a measure does)
//   and the sentence it was read from. A unit finds the targets whose values the build
//   normalised to the same unit (亿元, 万亿元 and 万元 are all 亿元; PFlops is EFLOPS), and each
//   row carries the normalised value and unit to compare them by.
// param: plan: string = null -- part of a plan title, or its document number
// param: province: string = null -- province name, e.g. 广东 or Guangdong
// param: year_from: int = null -- first target year, e.g. 2025
// param: year_to: int = null -- last target year, e.g. 2030
// param: unit: string = null -- a unit, e.g. 亿元, EFLOPS, 个: targets written in it or in one that converts to the same (亿元 finds 万亿元 too)
// param: qualitative: bool = null -- true: only qualitative goals; false: only counted ones
// param: limit: int = 200 -- rows at most
// derive: unit_norm = unit_norm(unit) -- the unit the build normalises values in that unit to
// example: province=广东 year_from=2027 year_to=2030
// with a province: from the province (few nodes) to the plans covering it or its cities and
// districts, and to the targets they set themselves or through their measures. A first pass reads
// the plans in the answer's order (the first 300 at most) until it has $limit targets: the answer's
// rows are then among those of the plans up to the last one it reached, and the second pass sorts
// only those (when it found fewer, every plan). The second reads a plan's targets in two walks,
// from the plan and through its measures, each one traversal for all the plan's measures
// (HAS_MEASURE*0..1 stepped from each measure: 15 ms of 广东's 26). Without the first sort's own
// LIMIT, FalkorDB 4.16 moved the later LIMIT onto it, before the MATCH, and lost rows.
MATCH (province:Province)
WHERE $province IS NOT NULL
  AND (province.short = $province OR province.name CONTAINS $province
       OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province))
MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
WITH DISTINCT province, plan
WHERE $plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan
WITH province, plan ORDER BY province.name, plan.title LIMIT 300
MATCH (plan)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
WHERE ($year_from IS NULL OR t.year >= $year_from)
  AND ($year_to IS NULL OR t.year <= $year_to)
  AND ($unit IS NULL OR t.unit_norm = $unit_norm OR t.unit = $unit)
  AND ($qualitative IS NULL OR coalesce(t.qualitative, false) = $qualitative)
WITH DISTINCT province, plan, t
WITH province.name AS pn, plan.title AS pt LIMIT $limit
WITH max(pn) AS lp, collect([pn, pt]) AS keys
WITH size(keys) AS found, lp, reduce(x = '', k IN keys | CASE WHEN k[0] = lp AND k[1] > x THEN k[1] ELSE x END) AS lt
MATCH (province:Province)
WHERE $province IS NOT NULL
  AND (province.short = $province OR province.name CONTAINS $province
       OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province))
MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
WITH DISTINCT province, plan, found, lp, lt
WHERE (found < $limit OR province.name < lp OR (province.name = lp AND plan.title <= lt))
  AND ($plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan)
OPTIONAL MATCH (plan)-[:SETS_TARGET]->(direct)
WITH province, plan, collect(direct) AS direct
OPTIONAL MATCH (plan)-[:HAS_MEASURE]->()-[:SETS_TARGET]->(via)
WITH province, plan, direct, collect(via) AS via
UNWIND direct + via AS t
WITH province, plan, t
WHERE ($year_from IS NULL OR t.year >= $year_from)
  AND ($year_to IS NULL OR t.year <= $year_to)
  AND ($unit IS NULL OR t.unit_norm = $unit_norm OR t.unit = $unit)
  AND ($qualitative IS NULL OR coalesce(t.qualitative, false) = $qualitative)
WITH DISTINCT province, plan, t
ORDER BY province.name, plan.title, t.year, t.id
LIMIT $limit
OPTIONAL MATCH (m:Measure)-[:SETS_TARGET]->(t)
WITH province, plan, t, m
RETURN province.name AS province,
       plan.title AS plan,
       t.year AS year,
       t.metric AS metric,
       t.comparator AS comparator,
       t.value AS value,
       t.value_max AS value_max,
       t.unit AS unit,
       t.value_norm AS value_norm,
       t.unit_norm AS unit_norm,
       coalesce(t.qualitative, false) AS qualitative,
       m.title AS measure,
       t.text AS text,
       t.id AS target_id
ORDER BY province, plan, year, target_id
UNION ALL
// without one: the targets, by year when asked (an index), then each one's plan and province
WITH 1 AS everywhere WHERE $province IS NULL
MATCH (t:Target)
WHERE ($year_from IS NULL OR t.year >= $year_from)
  AND ($year_to IS NULL OR t.year <= $year_to)
  AND ($unit IS NULL OR t.unit_norm = $unit_norm OR t.unit = $unit)
  AND ($qualitative IS NULL OR coalesce(t.qualitative, false) = $qualitative)
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(t)
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(m:Measure)-[:SETS_TARGET]->(t)
WITH t, m, coalesce(direct, viaMeasure) AS plan
WHERE $plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan
OPTIONAL MATCH (plan)-[:COVERS]->()-[:LOCATED_IN*0..2]->(province:Province)
WITH DISTINCT t, m, plan, province
ORDER BY province.name, plan.title, t.year, t.id
LIMIT $limit
RETURN province.name AS province,
       plan.title AS plan,
       t.year AS year,
       t.metric AS metric,
       t.comparator AS comparator,
       t.value AS value,
       t.value_max AS value_max,
       t.unit AS unit,
       t.value_norm AS value_norm,
       t.unit_norm AS unit_norm,
       coalesce(t.qualitative, false) AS qualitative,
       m.title AS measure,
       t.text AS text,
       t.id AS target_id
