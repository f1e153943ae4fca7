-- liquibase formatted cypher

-- Full-text search over point and job names. The CJK analyzer indexes Chinese as overlapping bigrams, so a
-- two-character query such as 绝缘 finds 绝缘电阻检测; Latin text is tokenised and lower-cased as usual.
-- changeset abilitymap:V002-1 runInTransaction:false
CREATE FULLTEXT INDEX point_names IF NOT EXISTS FOR (n:SkillPoint|KnowledgePoint) ON EACH [n.name, n.nameEn, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
CREATE FULLTEXT INDEX job_names IF NOT EXISTS FOR (n:Job|JobGroup|ReferenceOccupation) ON EACH [n.name, n.nameEn, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
