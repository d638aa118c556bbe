// name: province-overview
// title: What each province has planned
// description: Per province, the plans covering it or its cities and districts, how many
//   measures they hold, the agencies named for them (owning a measure, issuing or
//   coordinating a plan), the sites they designate and the
//   targets they set (how many, how many counted, which years). Provinces without a plan
//   are left out unless asked for by name.
// param: province: string = null -- province name, e.g. 浙江 or Zhejiang
// example: province=广东
MATCH (province:Province)
WHERE $province IS NULL
   OR province.name CONTAINS $province
   OR province.short = $province
   OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province)
CALL {
  WITH province
  OPTIONAL MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
  RETURN collect(DISTINCT plan) AS plans
}
WITH province, plans
WHERE size(plans) > 0 OR $province IS NOT NULL
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->(m:Measure)
  RETURN count(m) AS measures
}
CALL {
  WITH plans
  UNWIND plans AS plan
  OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(:Measure)<-[:RESPONSIBLE_FOR]-(owner:Agency)
  OPTIONAL MATCH (plan)-[:ISSUED_BY]->(issuer:Agency)
  OPTIONAL MATCH (coordinator:Agency)-[:COORDINATES]->(plan)
  WITH [owner.name, issuer.name, coordinator.name] AS names
  UNWIND names AS name
  RETURN collect(DISTINCT name) AS agencies
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->(:Measure)-[:AT_SITE]->(s:Site)
  RETURN collect(DISTINCT s.name) AS sites
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
  WITH DISTINCT t
  RETURN count(t) AS targets, sum(CASE WHEN coalesce(t.qualitative, false) THEN 0 ELSE 1 END) AS counted,
         collect(DISTINCT t.year) AS years
}
RETURN province.name AS province,
       province.name_en AS province_en,
       size(plans) AS plan_count,
       [p IN plans | p.title] AS plans,
       measures,
       size(agencies) AS agency_count,
       agencies,
       size(sites) AS site_count,
       sites,
       targets,
       counted AS counted_targets,
       [y IN range(1949, 2100) WHERE y IN years] AS target_years
ORDER BY plan_count DESC, province
