-- liquibase formatted cypher

-- A programme's stored alignment against its own target jobs: at most one snapshot per programme.
-- changeset abilitymap:V007-1 runInTransaction:false
CREATE CONSTRAINT alignment_snapshot_programme IF NOT EXISTS FOR (n:AlignmentSnapshot) REQUIRE n.programmeId IS UNIQUE;
