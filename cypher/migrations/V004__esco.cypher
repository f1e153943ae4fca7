-- liquibase formatted cypher

-- ESCO concepts (occupations, skills and knowledge, skill groups) carry the extra label EscoConcept and their
-- concept URI as escoUri; the import merges on it, so the URI is unique across every ESCO node.
-- changeset abilitymap:V004-1 runInTransaction:false
CREATE CONSTRAINT esco_concept_uri IF NOT EXISTS FOR (n:EscoConcept) REQUIRE n.escoUri IS UNIQUE;
CREATE CONSTRAINT skill_group_id IF NOT EXISTS FOR (n:SkillGroup) REQUIRE n.id IS UNIQUE;
