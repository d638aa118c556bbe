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
OPTIONAL MATCH (plan:Plan)-[:COVERS]->()-[:LOCATED_IN*0..2]->(province)
WITH province, collect(DISTINCT plan) AS plans
WHERE size(plans) > 0 OR $province IS NOT NULL
UNWIND (CASE WHEN size(plans) = 0 THEN [null] ELSE plans END) AS plan
OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(m:Measure)
WITH province, plan, count(m) AS measures
OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(:Measure)<-[:RESPONSIBLE_FOR]-(a:Agency)
WITH province, plan, measures, collect(DISTINCT a.name) AS owners
OPTIONAL MATCH (plan)-[:ISSUED_BY]->(issuer:Agency)
WITH province, plan, measures, owners, collect(DISTINCT issuer.name) AS issuers
OPTIONAL MATCH (coordinator:Agency)-[:COORDINATES]->(plan)
WITH province, plan, measures, owners + issuers AS named, collect(DISTINCT coordinator.name) AS coordinators
WITH province, plan, measures, named + [c IN coordinators WHERE NOT c IN named] AS agencies
OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(:Measure)-[:AT_SITE]->(s:Site)
WITH province, plan, measures, agencies, collect(DISTINCT s.name) AS sites
OPTIONAL MATCH (plan)-[:SETS_TARGET]->(t:Target)
WITH province, plan, measures, agencies, sites, collect(DISTINCT t) AS plan_targets
OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(:Measure)-[:SETS_TARGET]->(mt:Target)
WITH province, plan, measures, agencies, sites, plan_targets, collect(DISTINCT mt) AS measure_targets
WITH province, plan, measures, agencies, sites, plan_targets + measure_targets AS targets
WITH province,
     collect(plan.title) AS plans,
     sum(measures) AS measures,
     collect(agencies) AS agency_lists,
     collect(sites) AS site_lists,
     collect(targets) AS target_lists
WITH province, plans, measures,
     reduce(acc = [], xs IN agency_lists | acc + [x IN xs WHERE NOT x IN acc]) AS agencies,
     reduce(acc = [], xs IN site_lists | acc + [x IN xs WHERE NOT x IN acc]) AS sites,
     reduce(acc = [], xs IN target_lists | acc + [x IN xs WHERE NOT x IN acc]) AS targets
RETURN province.name AS province,
       province.name_en AS province_en,
       size(plans) AS plan_count,
       plans,
       toInteger(measures) AS measures,
       size(agencies) AS agency_count,
       agencies,
       size(sites) AS site_count,
       sites,
       size(targets) AS targets,
       size([t IN targets WHERE NOT coalesce(t.qualitative, false)]) AS counted_targets,
       [y IN range(1949, 2100) WHERE y IN [t IN targets | t.year]] AS target_years
ORDER BY plan_count DESC, province
