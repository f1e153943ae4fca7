package org.abilitymap.documents;

/** The kinds of problem a document can have; the GraphQL schema exposes the same names. */
public enum ProblemCode {

	/** The document is not well-formed JSON. */
	MALFORMED,
	/** The document is larger than the configured limit. */
	TOO_LARGE,
	/** A required field is missing or null. */
	REQUIRED,
	/** A required text is empty or white space only, or a required list is empty. */
	EMPTY,
	/** A field has the wrong JSON type (text where a list is expected, and so on). */
	WRONG_TYPE,
	/** A value is outside its allowed set or range. */
	INVALID_VALUE,
	/** A field that the format does not know. */
	UNKNOWN_FIELD,
	/** A level of the project → task → step → skill → knowledge tree in the wrong place, or skipped. */
	MISPLACED_LEVEL,
	/** The same id is used twice in one document, or one point id is given two names. */
	DUPLICATE_ID,
	/** An id that names nothing in the document or in the graph. */
	UNKNOWN_REFERENCE,
	/** The document was based on a version that is no longer the current one: applying it would undo newer changes. */
	CONFLICT

}
