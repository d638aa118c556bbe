// name: province-overview
// title: What each province has planned
// description: Per province, the plans covering it or its cities and districts, how many
//   measures they hold, the agencies named for them (owning a measure, issuing or
//   coordinating a plan; in name order), the sites they designate and the
//   targets they set (how many, how many counted, which years). Provinces without a plan
//   are left out unless asked for by name.
// param: province: string = null -- province name, e.g. 浙江 or Zhejiang
// example: province=广东
// Each list in a CALL of its own (grouping rows by lists carried along was quadratic). The walks
// from the plans name no node between their ends, so FalkorDB runs each as one traversal for a
// batch of plans instead of one per measure; the labels a relationship type fixes are left off
// (checking them cost more than the walk). Targets are the two walks, from the plan and through
// its measures, and not HAS_MEASURE*0..1, which traversed from each of 14,598 nodes of 广东 alone.
// The measures are counted from each plan's relationships without reading them (FalkorDB's
// outdegree, Neo4j's COUNT subquery): matching 14,042 of them only to count them took 3 ms.
// Targets are counted in each walk, not gathered and made distinct (4,275 of 广东's, 3 ms): the
// build gives each target one setter, its plan or one of that plan's measures (loaders/extract.py).
// variant: falkordb
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
  RETURN sum(outdegree(plan, 'HAS_MEASURE')) AS measures
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->()<-[:RESPONSIBLE_FOR]-(a)
  RETURN collect(DISTINCT a) AS owners
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:ISSUED_BY]->(a)
  RETURN collect(DISTINCT a) AS issuers
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (a)-[:COORDINATES]->(plan)
  RETURN collect(DISTINCT a) AS coordinators
}
CALL {
  WITH owners, issuers, coordinators
  UNWIND owners + issuers + coordinators AS a
  WITH DISTINCT a.name AS name
  ORDER BY name
  RETURN collect(name) AS agencies
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->()-[:AT_SITE]->(s)
  WITH DISTINCT s
  RETURN collect(s.name) AS sites
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:SETS_TARGET]->(t)
  RETURN count(t) AS direct, sum(CASE WHEN coalesce(t.qualitative, false) THEN 0 ELSE 1 END) AS direct_counted,
         collect(DISTINCT t.year) AS direct_years
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->()-[:SETS_TARGET]->(t)
  RETURN count(t) AS via, sum(CASE WHEN coalesce(t.qualitative, false) THEN 0 ELSE 1 END) AS via_counted,
         collect(DISTINCT t.year) AS via_years
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
       direct + via AS targets,
       direct_counted + via_counted AS counted_targets,
       [y IN range(1949, 2100) WHERE y IN direct_years OR y IN via_years] AS target_years
ORDER BY plan_count DESC, province
// variant: neo4j
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
  RETURN sum(COUNT { (plan)-[:HAS_MEASURE]->() }) AS measures
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->()<-[:RESPONSIBLE_FOR]-(a)
  RETURN collect(DISTINCT a) AS owners
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:ISSUED_BY]->(a)
  RETURN collect(DISTINCT a) AS issuers
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (a)-[:COORDINATES]->(plan)
  RETURN collect(DISTINCT a) AS coordinators
}
CALL {
  WITH owners, issuers, coordinators
  UNWIND owners + issuers + coordinators AS a
  WITH DISTINCT a.name AS name
  ORDER BY name
  RETURN collect(name) AS agencies
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->()-[:AT_SITE]->(s)
  WITH DISTINCT s
  RETURN collect(s.name) AS sites
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:SETS_TARGET]->(t)
  RETURN count(t) AS direct, sum(CASE WHEN coalesce(t.qualitative, false) THEN 0 ELSE 1 END) AS direct_counted,
         collect(DISTINCT t.year) AS direct_years
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->()-[:SETS_TARGET]->(t)
  RETURN count(t) AS via, sum(CASE WHEN coalesce(t.qualitative, false) THEN 0 ELSE 1 END) AS via_counted,
         collect(DISTINCT t.year) AS via_years
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
       direct + via AS targets,
       direct_counted + via_counted AS counted_targets,
       [y IN range(1949, 2100) WHERE y IN direct_years OR y IN via_years] AS target_years
ORDER BY plan_count DESC, province
