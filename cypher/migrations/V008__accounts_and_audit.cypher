-- liquibase formatted cypher

-- Accounts log in by username; personal access tokens are found by their id (the secret is stored hashed);
-- quality offices are a kind of organisation that only accounts refer to; reviews and audit entries have ids too;
-- server secrets (the key signing remember-me cookies) are shared by every instance through the database.
-- changeset abilitymap:V008-1 runInTransaction:false
CREATE CONSTRAINT account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT access_token_id IF NOT EXISTS FOR (n:AccessToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quality_office_id IF NOT EXISTS FOR (n:QualityOffice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT server_secret_id IF NOT EXISTS FOR (n:ServerSecret) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT review_id IF NOT EXISTS FOR (n:Review) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actor);
CREATE INDEX submission_published IF NOT EXISTS FOR (n:Submission) ON (n.published);

-- What readers see rests on approved evidence: the latest approved version of each enterprise's submission for a
-- job is the published one. Submissions approved before this change set are published now (one statement, so
-- atomic in auto-commit, which liquibase-neo4j keeps after the schema change set above).
-- changeset abilitymap:V008-2 runInTransaction:false
MATCH (s:Submission {status: 'APPROVED'})
WITH s.enterpriseId AS enterprise, s.jobId AS job, s ORDER BY s.version DESC
WITH enterprise, job, collect(s) AS approved
UNWIND range(0, size(approved) - 1) AS i
WITH approved[i] AS s, i = 0 AS published
SET s.published = published;
