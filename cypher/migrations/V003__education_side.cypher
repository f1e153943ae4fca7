-- liquibase formatted cypher

-- The education side: schools, clusters, programmes and what serves them. Every node has a unique string id.
-- changeset abilitymap:V003-1 runInTransaction:false
CREATE CONSTRAINT school_id IF NOT EXISTS FOR (n:School) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT industry_body_id IF NOT EXISTS FOR (n:IndustryBody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (n:Cluster) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_group_id IF NOT EXISTS FOR (n:ProgrammeGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_revision_id IF NOT EXISTS FOR (n:ProgrammeRevision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT course_id IF NOT EXISTS FOR (n:Course) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT textbook_id IF NOT EXISTS FOR (n:Textbook) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT certificate_id IF NOT EXISTS FOR (n:Certificate) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT training_base_id IF NOT EXISTS FOR (n:TrainingBase) REQUIRE n.id IS UNIQUE;
CREATE INDEX programme_code IF NOT EXISTS FOR (n:Programme) ON (n.code);
CREATE INDEX submission_job_status IF NOT EXISTS FOR (n:Submission) ON (n.jobId, n.status);

-- changeset abilitymap:V003-2 runInTransaction:false
CREATE FULLTEXT INDEX education_names IF NOT EXISTS
FOR (n:Programme|Course|Textbook|Certificate|TrainingBase) ON EACH [n.name, n.nameEn, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
