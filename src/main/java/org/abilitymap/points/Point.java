package org.abilitymap.points;

import java.util.Map;

import org.abilitymap.accounts.Rights;
import org.neo4j.driver.Value;

/**
 * A shared skill or knowledge point as read from the graph.
 *
 * @param id stable id
 * @param kind skill or knowledge
 * @param name name as first recorded (usually Chinese)
 * @param nameEn English label, if known
 * @param description longer explanation, if any
 */
public record Point(String id, PointKind kind, String name, String nameEn, String description) {

	/**
	 * Whether point {@code p} rests on published evidence: it was not created by a submission, or by one that was
	 * approved, or something published uses it (an approved submission's step, a course, a textbook, a certificate,
	 * a training base, a standard, a framework). A point only an unapproved draft has named is not shown to others,
	 * nor one an import has only staged (labelled {@code StagedSkillPoint} …, which the full-text index holds too).
	 */
	public static final String PUBLISHED = """
			((p:SkillPoint OR p:KnowledgePoint)
			 AND (NOT coalesce(p.createdIn, '') STARTS WITH 'sub:'
			      OR EXISTS { (:Submission {id: p.createdIn, status: 'APPROVED'}) }
			      OR EXISTS { (p)<-[:TEACHES|COVERS|ASSESSES|SUPPORTS|REQUIRES_POINT|IN_FRAMEWORK|NEEDS_POINT]-() }
			      OR EXISTS { (p)<-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]-(step:ProcessStep)
			                  WHERE EXISTS { (:Submission {id: step.submissionId, status: 'APPROVED'}) } }))""";

	/**
	 * Whether the caller, given as the parameter {@code $viewer} ({@link Rights#viewer()}), may see point {@code p}:
	 * it is {@link #PUBLISHED}, or a step of a submission version the caller may see names it (its own enterprise's
	 * drafts, those it reviews, any for admins). Look-ups by id answer with this; lists and search with PUBLISHED.
	 * It binds {@code step} and {@code s} inside its subquery, so the query must not have them in scope.
	 */
	public static final String VISIBLE = """
			(%s
			 OR EXISTS { MATCH (p)<-[:REQUIRES_SKILL|REQUIRES_KNOWLEDGE]-(step:ProcessStep)
			             MATCH (s:Submission {id: step.submissionId})
			             WHERE %s })""".formatted(PUBLISHED, Rights.SUBMISSION_VISIBLE);

	/** The map projection every point query returns, on a point node bound to {@code p}. */
	public static final String PROJECTION = "p {.id, .name, .nameEn, .description, "
			+ "kind: CASE WHEN p:SkillPoint THEN 'SKILL' ELSE 'KNOWLEDGE' END}";

	/** Reads a value returned by {@link #PROJECTION}. */
	public static Point of(Value value) {
		return new Point(value.get("id").asString(), PointKind.valueOf(value.get("kind").asString()),
				value.get("name").asString(null), value.get("nameEn").asString(null),
				value.get("description").asString(null));
	}

	/** Parameters describing a point to create. */
	public Map<String, Object> asParameters() {
		var parameters = new java.util.HashMap<String, Object>();
		parameters.put("id", id);
		parameters.put("name", name);
		parameters.put("nameEn", nameEn);
		parameters.put("description", description);
		parameters.put("nameKey", PointNames.key(name));
		return parameters;
	}
}
