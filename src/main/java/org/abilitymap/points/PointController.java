package org.abilitymap.points;

import java.util.List;

import graphql.schema.GraphQLObjectType;
import org.abilitymap.support.graphql.Batches;
import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.InvalidArgumentException;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/** GraphQL for the shared points: look-up by id, full-text search, and the skill ↔ knowledge links. */
@Controller
class PointController {

	/** Longest search text accepted. */
	private static final int MAX_SEARCH_LENGTH = 200;

	private final PointRepository points;

	PointController(PointRepository points) {
		this.points = points;
	}

	/** Resolves the {@code Point} interface to SkillPoint or KnowledgePoint by the point's kind. */
	@Bean
	static RuntimeWiringConfigurer pointTypeResolver() {
		return wiring -> wiring.type("Point", type -> type.typeResolver(environment -> {
			Point point = environment.getObject();
			String typeName = point.kind() == PointKind.SKILL ? "SkillPoint" : "KnowledgePoint";
			return (GraphQLObjectType) environment.getSchema().getType(typeName);
		}));
	}

	@QueryMapping
	Point skill(@Argument String id) {
		return points.point(PointKind.SKILL, id).orElse(null);
	}

	@QueryMapping
	Point knowledgePoint(@Argument String id) {
		return points.point(PointKind.KNOWLEDGE, id).orElse(null);
	}

	@QueryMapping
	Connection<Point> searchPoints(@Argument String text, @Argument PointKind kind, @Argument Integer first,
			@Argument String after) {
		if (text == null || text.isBlank()) {
			throw new InvalidArgumentException("text", "'text' must not be empty.");
		}
		if (text.length() > MAX_SEARCH_LENGTH) {
			throw new InvalidArgumentException("text", "'text' must be at most " + MAX_SEARCH_LENGTH + " characters.");
		}
		return points.search(text.strip(), kind, PageRequest.of(first, after));
	}

	@BatchMapping(typeName = "SkillPoint")
	List<List<Point>> knowledge(List<Point> skills) {
		return Batches.lists(skills, Point::id, points.knowledgeOfSkills(Batches.keys(skills, Point::id)));
	}

	@BatchMapping(typeName = "KnowledgePoint")
	List<List<Point>> skills(List<Point> knowledge) {
		return Batches.lists(knowledge, Point::id,
				points.skillsOfKnowledge(Batches.keys(knowledge, Point::id)));
	}
}
