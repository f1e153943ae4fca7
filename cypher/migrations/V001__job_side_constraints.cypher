-- liquibase formatted cypher

-- Every node on the job side has a stable string id. Schema changes run outside a data transaction.
-- changeset abilitymap:V001-1 runInTransaction:false
CREATE CONSTRAINT industry_id IF NOT EXISTS FOR (n:Industry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_segment_id IF NOT EXISTS FOR (n:ChainSegment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_group_id IF NOT EXISTS FOR (n:JobGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reference_occupation_id IF NOT EXISTS FOR (n:ReferenceOccupation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT submission_id IF NOT EXISTS FOR (n:Submission) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_project_id IF NOT EXISTS FOR (n:WorkProject) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT process_step_id IF NOT EXISTS FOR (n:ProcessStep) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_point_id IF NOT EXISTS FOR (n:SkillPoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT knowledge_point_id IF NOT EXISTS FOR (n:KnowledgePoint) REQUIRE n.id IS UNIQUE;

-- Names equal after normalising (NFKC, white space, case) are one point: the key is unique per kind.
-- changeset abilitymap:V001-2 runInTransaction:false
CREATE CONSTRAINT skill_point_name_key IF NOT EXISTS FOR (n:SkillPoint) REQUIRE n.nameKey IS UNIQUE;
CREATE CONSTRAINT knowledge_point_name_key IF NOT EXISTS FOR (n:KnowledgePoint) REQUIRE n.nameKey IS UNIQUE;
CREATE INDEX submission_series IF NOT EXISTS FOR (n:Submission) ON (n.enterpriseId, n.jobId);
CREATE INDEX reference_occupation_code IF NOT EXISTS FOR (n:ReferenceOccupation) ON (n.code);
CREATE INDEX reference_occupation_uri IF NOT EXISTS FOR (n:ReferenceOccupation) ON (n.uri);
