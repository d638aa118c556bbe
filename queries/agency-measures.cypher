// name: agency-measures
// title: Everything one agency is responsible for
// description: The measures an agency is named for, across all plans, with its role and
//   rank, the co-owners of each measure (in rank order) and the evidence; then the plans
//   it coordinates as a whole. The agency by name, alias or English name, or part of one.
// param: agency: string -- the agency, e.g. 浙江省科学技术厅, 省科技厅 or Zhejiang Lab
// param: role: string = null -- only this role: lead, responsible or support
// param: limit: int = 200 -- rows at most
// derive: agency_key = contains_key(agency) -- a pair of the agency's characters, looked up in the agencies' _names keys (graph/store/names.py)
// example: agency=之江实验室
// the agencies under one key of the name's index (a superset), then the exact test of their names
MATCH (a:Agency)
WHERE $agency_key IN a._names
  AND (a.name CONTAINS $agency
       OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $agency)
       OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($agency))
MATCH (a)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE $role IS NULL OR r.role = $role
OPTIONAL MATCH (plan:Plan)-[:HAS_MEASURE]->(m)
// the rows kept first, then the co-owners of only those; the agency itself is left out by CASE
// (an OPTIONAL MATCH with a WHERE costs FalkorDB a traversal per row that grows with the graph)
WITH a, r, m, plan
ORDER BY a.name, plan.title, m.id
LIMIT $limit
OPTIONAL MATCH (other:Agency)-[o:RESPONSIBLE_FOR]->(m)
WITH a, r, m, plan, other, o
ORDER BY o.rank
WITH a, r, m, plan, collect(CASE WHEN other <> a THEN other.name END) AS co_owners
ORDER BY a.name, plan.title, m.id
RETURN a.name AS agency,
       'responsible for measure' AS relation,
       plan.title AS plan,
       m.number AS number,
       m.title AS measure,
       r.role AS role,
       r.rank AS rank,
       co_owners,
       r.evidence AS evidence
LIMIT $limit
UNION ALL
MATCH (a:Agency)
WHERE $agency_key IN a._names
  AND (a.name CONTAINS $agency
       OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $agency)
       OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($agency))
MATCH (a)-[c:COORDINATES]->(plan:Plan)
WHERE $role IS NULL
OPTIONAL MATCH (other:Agency)-[:COORDINATES]->(plan)
WITH a, c, plan, collect(CASE WHEN other <> a THEN other.name END) AS co_owners
ORDER BY a.name, plan.title
RETURN a.name AS agency,
       'coordinates plan' AS relation,
       plan.title AS plan,
       null AS number,
       null AS measure,
       'coordinates' AS role,
       null AS rank,
       co_owners,
       c.evidence AS evidence
LIMIT $limit
