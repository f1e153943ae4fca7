-- liquibase formatted cypher

-- The full-text indexes also hold the concepts an import stages (StagedSkillPoint, …), so that the transaction that
-- publishes them only swaps labels and leaves the full-text indexes as they are; every search keeps to the published
-- labels (SkillPoint|KnowledgePoint, Job), so staged concepts are never a hit. The start waits for the indexes to be
-- filled again, so that no search meets an index still being filled.
-- changeset abilitymap:V010-1 runInTransaction:false
DROP INDEX point_names IF EXISTS;
CREATE FULLTEXT INDEX point_names IF NOT EXISTS
FOR (n:SkillPoint|KnowledgePoint|StagedSkillPoint|StagedKnowledgePoint) ON EACH [n.name, n.nameEn, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
DROP INDEX job_names IF EXISTS;
CREATE FULLTEXT INDEX job_names IF NOT EXISTS
FOR (n:Job|JobGroup|ReferenceOccupation|StagedReferenceOccupation) ON EACH [n.name, n.nameEn, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
CALL db.awaitIndexes(600);
