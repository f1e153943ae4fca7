/**
 * Backup and restore of the whole graph: {@code export --format=graph} writes every node and relationship with
 * their labels, types and typed properties in a versioned JSON Lines format (docs/backup.md), and
 * {@code import --format=graph} restores such a file into an empty database, giving the same graph.
 */
package org.abilitymap.backup;
