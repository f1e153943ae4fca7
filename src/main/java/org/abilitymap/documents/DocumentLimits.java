package org.abilitymap.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size limits for imported documents, so that one oversized upload cannot exhaust memory or hold a transaction
 * open for long.
 *
 * @param maxBytes largest accepted document in bytes
 * @param maxEntries largest accepted number of entries (projects, tasks, steps, skills, knowledge points,
 * catalogue entries) in one document
 */
@ConfigurationProperties("abilitymap.documents")
public record DocumentLimits(@DefaultValue("4194304") long maxBytes, @DefaultValue("20000") int maxEntries) {
}
