// name: compare-targets
// title: Comparable targets
// description: Quantitative targets of one metric category and year across plans and
//   provinces, highest normalised value first (亿元, EFLOPS, counts), with the plan, the
//   value as written and the sentence it was read from; of equal values across the whole
//   country, the first targets by id. A category is named by its key,
//   English or Chinese name, as policykg analyze takes it (computing_capacity, computing
//   capacity, 算力规模; the categories of loaders/dictionaries/metric_categories.toml); a
//   name that is none of them is a bad_parameter error listing them.
// param: category: string = null -- metric category: key, English or Chinese name, e.g. ai_core_industry_scale or 算力规模
// param: year: int = null -- target year, e.g. 2027
// param: province: string = null -- province name, e.g. 广东 or Guangdong
// param: limit: int = 100 -- rows at most
// derive: category_key = category_key(category) -- the category's key, which the build wrote on each target
// derive: category_keys = category_keys(category) -- that key, or without a category every category's key, in order
// with a province: from the province (few nodes) to the plans covering it or its places, and the
// targets they set themselves or through their measures
MATCH (province:Province)
WHERE $province IS NOT NULL
  AND (province.name CONTAINS $province OR province.short = $province
       OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province))
MATCH (province)<-[:LOCATED_IN*0..3]-()<-[:COVERS]-(plan:Plan)
WITH DISTINCT province, plan
MATCH (plan)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
WHERE coalesce(t.qualitative, false) = false
  AND ($category_key IS NULL OR t.metric_category = $category_key)
  AND ($year IS NULL OR t.year = $year)
WITH DISTINCT province, plan, t
RETURN t.metric_category AS category,
       t.year AS year,
       province.name AS province,
       plan.title AS plan,
       plan.doc_number AS doc_number,
       t.metric AS metric,
       t.comparator AS comparator,
       t.value AS value,
       t.value_max AS value_max,
       t.unit AS unit,
       t.value_norm AS value_norm,
       t.unit_norm AS unit_norm,
       t.text AS text
ORDER BY category, year, value_norm DESC, province, plan, text
LIMIT $limit
UNION ALL
// without a province, with a year: its targets through the index on Target.year, the first in the
// answer's order, then the plan and province of only those (the first line keeps FalkorDB's
// planner from reading this branch at all when it is not asked for)
WITH 1 AS everywhere WHERE $province IS NULL AND $year IS NOT NULL
MATCH (t:Target)
WHERE t.year = $year AND coalesce(t.qualitative, false) = false
  AND ($category_key IS NULL OR t.metric_category = $category_key)
WITH t
ORDER BY t.metric_category, t.year, t.value_norm DESC, t.id
LIMIT $limit
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(t)
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(:Measure)-[:SETS_TARGET]->(t)
WITH t, coalesce(direct, viaMeasure) AS plan
OPTIONAL MATCH (plan)-[:COVERS]->()-[:LOCATED_IN*0..3]->(province:Province)
RETURN t.metric_category AS category,
       t.year AS year,
       province.name AS province,
       plan.title AS plan,
       plan.doc_number AS doc_number,
       t.metric AS metric,
       t.comparator AS comparator,
       t.value AS value,
       t.value_max AS value_max,
       t.unit AS unit,
       t.value_norm AS value_norm,
       t.unit_norm AS unit_norm,
       t.text AS text
ORDER BY category, year, value_norm DESC, province, plan, text
LIMIT $limit
UNION ALL
// without a province or a year: the targets category after category in the answer's order, through
// the index on Target.metric_category, until $limit: the answer's rows are among those of the
// categories up to the last one reached, and only those are sorted (sorting all 61,677 quantitative
// targets of 10,000 documents took 37 ms); when there are fewer, they are every row but those of
// no known category, which a scan adds. The build writes only the known keys (a graph built with
// other keys is built again)
WITH 1 AS everywhere WHERE $province IS NULL AND $year IS NULL
UNWIND $category_keys AS key
MATCH (t:Target)
WHERE t.metric_category = key AND coalesce(t.qualitative, false) = false
WITH t LIMIT $limit
WITH collect(t) AS first, max(t.metric_category) AS last
WITH first, last, size(first) < $limit AND $province IS NULL AND $year IS NULL AND $category_key IS NULL AS scan
OPTIONAL MATCH (s:Target)
WHERE scan AND NOT coalesce(s.metric_category, '') IN $category_keys AND coalesce(s.qualitative, false) = false
WITH first, last, collect(s) AS rest
WITH CASE WHEN size(first) < $limit THEN first + rest END AS every, last
UNWIND CASE WHEN every IS NULL THEN [k IN $category_keys WHERE k <= last] ELSE [last] END AS key
OPTIONAL MATCH (t:Target)
WHERE every IS NULL AND t.metric_category = key AND coalesce(t.qualitative, false) = false
WITH every, collect(t) AS upto
UNWIND coalesce(every, upto) AS t
WITH t
ORDER BY t.metric_category, t.year, t.value_norm DESC, t.id
LIMIT $limit
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(t)
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(:Measure)-[:SETS_TARGET]->(t)
WITH t, coalesce(direct, viaMeasure) AS plan
OPTIONAL MATCH (plan)-[:COVERS]->()-[:LOCATED_IN*0..3]->(province:Province)
RETURN t.metric_category AS category,
       t.year AS year,
       province.name AS province,
       plan.title AS plan,
       plan.doc_number AS doc_number,
       t.metric AS metric,
       t.comparator AS comparator,
       t.value AS value,
       t.value_max AS value_max,
       t.unit AS unit,
       t.value_norm AS value_norm,
       t.unit_norm AS unit_norm,
       t.text AS text
ORDER BY category, year, value_norm DESC, province, plan, text
LIMIT $limit
