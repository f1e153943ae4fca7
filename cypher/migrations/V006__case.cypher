-- liquibase formatted cypher

-- CASE frameworks: the imported CFDocument and its grouping items have unique ids; a point's CASE identifiers live
-- on its IN_FRAMEWORK links (matched on import), and PART_OF links are cleared per framework on re-import.
-- changeset abilitymap:V006-1 runInTransaction:false
CREATE CONSTRAINT framework_id IF NOT EXISTS FOR (n:Framework) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT framework_item_id IF NOT EXISTS FOR (n:FrameworkItem) REQUIRE n.id IS UNIQUE;
CREATE INDEX framework_item_framework IF NOT EXISTS FOR (n:FrameworkItem) ON (n.frameworkId);
CREATE INDEX in_framework_identifier IF NOT EXISTS FOR ()-[r:IN_FRAMEWORK]-() ON (r.identifier);
CREATE INDEX part_of_framework IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.frameworkId);
