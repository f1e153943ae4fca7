package org.abilitymap.standards;

import org.abilitymap.jobs.Job;
import org.abilitymap.jobs.ProficiencyLevel;
import org.abilitymap.points.Point;
import org.neo4j.driver.Value;

/**
 * One line of a job competency standard (岗位能力标准): a point the job requires, at a level, with an importance,
 * essential or optional; derived from approved submissions, or set explicitly by an industry body.
 *
 * @param job the job
 * @param point the required point
 * @param level the required level
 * @param importance 1–5
 * @param essential essential (core) or optional
 * @param enterpriseCount how many enterprises' approved submissions need the point
 * @param enterprises how many enterprises have an approved submission for the job
 * @param source DERIVED or EXPLICIT
 * @param setBy the industry body that set an explicit requirement
 * @param note its note
 * @param derived what the submissions alone would give, when an explicit requirement overrides it
 */
public record JobRequirement(Job job, Point point, ProficiencyLevel level, int importance, boolean essential,
		int enterpriseCount, int enterprises, String source, String setBy, String note, Derived derived) {

	/** The derived values an explicit requirement replaced. */
	public record Derived(ProficiencyLevel level, int importance, boolean essential) {
	}

	/** Projection of a {@code REQUIRES_POINT} link bound to {@code r} from a job {@code j} to a point {@code p}. */
	public static final String PROJECTION = "{job: " + Job.PROJECTION + ", level: r.level, importance: r.importance, essential: r.essential, "
			+ "enterpriseCount: r.enterpriseCount, enterprises: r.enterprises, source: r.source, setBy: r.setBy, "
			+ "note: r.note, derivedLevel: r.derivedLevel, derivedImportance: r.derivedImportance, "
			+ "derivedEssential: r.derivedEssential, point: " + Point.PROJECTION + "}";

	public static JobRequirement of(Value v) {
		Derived derived = v.get("derivedLevel").isNull() ? null
				: new Derived(ProficiencyLevel.ofRank(v.get("derivedLevel").asLong()), v.get("derivedImportance").asInt(),
						v.get("derivedEssential").asBoolean());
		return new JobRequirement(Job.of(v.get("job")), Point.of(v.get("point")),
				ProficiencyLevel.ofRank(v.get("level").asLong()), v.get("importance").asInt(), v.get("essential").asBoolean(),
				v.get("enterpriseCount").asInt(0), v.get("enterprises").asInt(0), v.get("source").asString(),
				v.get("setBy").asString(null), v.get("note").asString(null), derived);
	}
}
