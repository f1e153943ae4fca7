package org.abilitymap.audit;

import java.util.List;
import java.util.Map;

import org.abilitymap.support.graphql.Connection;
import org.abilitymap.support.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code auditLog} query. */
@Controller
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@QueryMapping
	Connection<AuditEntry> auditLog(@Argument Map<String, Object> filter, @Argument Integer first,
			@Argument String after) {
		PageRequest page = PageRequest.of(first, after);
		AuditTrail.Listing listing = trail.listing(filterOf(filter));
		List<AuditEntry> fetched = listing.page(page.offset(), page.limit() + 1);
		return Connection.of(page, fetched, listing.count());
	}

	static AuditFilter filterOf(Map<String, Object> filter) {
		if (filter == null) {
			return AuditFilter.NONE;
		}
		return new AuditFilter(text(filter, "actor"), text(filter, "organisationId"), text(filter, "entityId"),
				text(filter, "operation"), text(filter, "outcome"), text(filter, "from"), text(filter, "to"));
	}

	private static String text(Map<String, Object> filter, String key) {
		Object value = filter.get(key);
		return value == null || value.toString().isBlank() ? null : value.toString();
	}
}
