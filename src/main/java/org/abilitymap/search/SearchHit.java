package org.abilitymap.search;

/**
 * One hit of the one-box search.
 *
 * @param id stable id of the node found
 * @param kind what kind of node it is
 * @param name its name (a textbook's title is never a hit)
 * @param nameEn its English name, if known
 * @param programmeId the programme of a course hit; null for other kinds
 * @param score relevance from the full-text index; higher is better
 */
public record SearchHit(String id, SearchKind kind, String name, String nameEn, String programmeId, double score) {
}
