-- liquibase formatted cypher

-- An import that writes in many transactions stands in the graph as an ImportRun while it stages its nodes
-- (label Staged, which no read looks for) and is deleted by the transaction that publishes them. One run per format.
-- changeset abilitymap:V009-1 runInTransaction:false
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_run_format IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.format IS UNIQUE;
