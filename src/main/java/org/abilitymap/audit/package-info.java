/**
 * The audit trail: one append-only entry for every write (GraphQL mutations, REST uploads, command-line imports,
 * account changes, failed logins), committed in the write's own transaction, with actor, organisation, time,
 * operation, the ids it touched, its outcome and, for documents, content hash and version; the {@code auditLog} query
 * and CSV/xlsx exports for auditors. Services say what a write touched through
 * {@link org.abilitymap.audit.AuditScope}.
 */
package org.abilitymap.audit;
