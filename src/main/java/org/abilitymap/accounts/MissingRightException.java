package org.abilitymap.accounts;

import org.springframework.security.access.AccessDeniedException;

/** The caller is signed in but lacks the right an operation needs; the message names the right. */
public class MissingRightException extends AccessDeniedException {

	private final Operation operation;

	public MissingRightException(Operation operation, String message) {
		super(message);
		this.operation = operation;
	}

	/** The operation that was refused. */
	public Operation operation() {
		return operation;
	}
}
