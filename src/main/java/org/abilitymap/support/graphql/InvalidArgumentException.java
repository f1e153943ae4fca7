package org.abilitymap.support.graphql;

/** A query argument a client got wrong; reported to the client as a BAD_REQUEST error naming the argument. */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	public InvalidArgumentException(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	public String argument() {
		return argument;
	}
}
