// name: compare-targets
// title: Comparable targets
// description: Quantitative targets of one metric category and year across plans and
//   provinces, highest normalised value first (亿元, EFLOPS, counts), with the plan, the
//   value as written and the sentence it was read from. Categories: the keys of
//   loaders/dictionaries/metric_categories.toml (computing_capacity, ai_core_industry_scale…).
// param: category: string = null -- metric category key, e.g. ai_core_industry_scale
// param: year: int = null -- target year, e.g. 2027
// param: province: string = null -- province name, e.g. 广东 or Guangdong
// param: limit: int = 100 -- rows at most
MATCH (t:Target)
WHERE coalesce(t.qualitative, false) = false
  AND ($category IS NULL OR t.metric_category = $category)
  AND ($year IS NULL OR t.year = $year)
OPTIONAL MATCH (direct:Plan)-[:SETS_TARGET]->(t)
OPTIONAL MATCH (viaMeasure:Plan)-[:HAS_MEASURE]->(:Measure)-[:SETS_TARGET]->(t)
WITH t, coalesce(direct, viaMeasure) AS plan
OPTIONAL MATCH (plan)-[:COVERS]->()-[:LOCATED_IN*0..3]->(province:Province)
WITH t, plan, province
WHERE $province IS NULL
   OR province.name CONTAINS $province
   OR province.short = $province
   OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province)
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
ORDER BY category, year, value_norm DESC, province, plan
LIMIT $limit
