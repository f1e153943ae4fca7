package org.abilitymap.accounts;

/** A security principal that knows which actor it is; every way of signing in yields one. */
public interface ActorPrincipal {

	/** The actor behind this principal. */
	Actor actor();
}
