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
OPTIONAL MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
WITH province, collect(DISTINCT plan) AS plans
WHERE size(plans) > 0 OR $province IS NOT NULL
// each aggregate is one pass over the province's plans or measures, each list collected once
UNWIND CASE WHEN size(plans) = 0 THEN [null] ELSE plans END AS plan
OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(m:Measure)
WITH province, plans, collect(m) AS measures
UNWIND CASE WHEN size(measures) = 0 THEN [null] ELSE measures END AS m
OPTIONAL MATCH (m)<-[:RESPONSIBLE_FOR]-(owner:Agency)
WITH province, plans, measures, collect(DISTINCT owner.name) AS owners
UNWIND CASE WHEN size(measures) = 0 THEN [null] ELSE measures END AS m
OPTIONAL MATCH (m)-[:AT_SITE]->(s:Site)
WITH province, plans, measures, owners, collect(DISTINCT s.name) AS sites
UNWIND CASE WHEN size(measures) = 0 THEN [null] ELSE measures END AS m
OPTIONAL MATCH (m)-[:SETS_TARGET]->(mt:Target)
WITH province, plans, measures, owners, sites, collect(mt) AS measure_targets
UNWIND CASE WHEN size(plans) = 0 THEN [null] ELSE plans END AS plan
OPTIONAL MATCH (plan)-[:ISSUED_BY]->(issuer:Agency)
WITH province, plans, measures, owners, sites, measure_targets, collect(DISTINCT issuer.name) AS issuers
UNWIND CASE WHEN size(plans) = 0 THEN [null] ELSE plans END AS plan
OPTIONAL MATCH (coordinator:Agency)-[:COORDINATES]->(plan)
WITH province, plans, measures, owners, sites, measure_targets, issuers,
     collect(DISTINCT coordinator.name) AS coordinators
UNWIND CASE WHEN size(plans) = 0 THEN [null] ELSE plans END AS plan
OPTIONAL MATCH (plan)-[:SETS_TARGET]->(pt:Target)
WITH province, plans, measures, owners, sites, measure_targets, issuers, coordinators,
     collect(pt) AS plan_targets
WITH province, plans, size(measures) AS measures, owners + issuers + coordinators AS named, sites,
     measure_targets + plan_targets AS all_targets
UNWIND CASE WHEN size(named) = 0 THEN [null] ELSE named END AS name
WITH province, plans, measures, sites, all_targets, collect(DISTINCT name) AS agencies
UNWIND CASE WHEN size(all_targets) = 0 THEN [null] ELSE all_targets END AS t
WITH province, plans, measures, sites, agencies, collect(DISTINCT t) AS targets,
     collect(DISTINCT t.year) AS years
RETURN province.name AS province,
       province.name_en AS province_en,
       size(plans) AS plan_count,
       [p IN plans | p.title] AS plans,
       measures,
       size(agencies) AS agency_count,
       agencies,
       size(sites) AS site_count,
       sites,
       size(targets) AS targets,
       size([t IN targets WHERE NOT coalesce(t.qualitative, false)]) AS counted_targets,
       [y IN range(1949, 2100) WHERE y IN years] AS target_years
ORDER BY plan_count DESC, province
