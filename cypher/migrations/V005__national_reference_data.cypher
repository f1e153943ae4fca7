-- liquibase formatted cypher

-- The national reference data (cn-vocational import): catalogue entries are keyed by their national code, which is
-- also their id; competency requirements by <programme code>#<number>. Occupations keep ReferenceOccupation's id.
-- changeset abilitymap:V005-1 runInTransaction:false
CREATE CONSTRAINT programme_category_code IF NOT EXISTS FOR (n:ProgrammeCategory) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT programme_class_code IF NOT EXISTS FOR (n:ProgrammeClass) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT catalogue_programme_code IF NOT EXISTS FOR (n:CatalogueProgramme) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT competency_requirement_id IF NOT EXISTS FOR (n:CompetencyRequirement) REQUIRE n.id IS UNIQUE;
