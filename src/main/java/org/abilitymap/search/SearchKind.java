package org.abilitymap.search;

/** The kinds of node the one-box search finds. */
public enum SearchKind {

	/** A job (岗位). */
	JOB,

	/** A programme (专业). */
	PROGRAMME,

	/** A course (课程) of a programme. */
	COURSE,

	/** A skill point (技能点). */
	SKILL,

	/** A knowledge point (知识点). */
	KNOWLEDGE
}
