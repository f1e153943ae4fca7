package org.abilitymap.support.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Body limits of the requests that are not documents (the login form and every other endpoint outside
 * {@code /graphql} and {@code /api/**}, which take a document of {@code abilitymap.documents.max-bytes}).
 *
 * @param maxFormSize largest body of the login form, of any other form post and of a request to any other endpoint
 */
@ConfigurationProperties("abilitymap.http")
record RequestLimits(@DefaultValue("64KB") DataSize maxFormSize) {
}
