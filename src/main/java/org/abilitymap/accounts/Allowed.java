package org.abilitymap.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Method security for a service method that performs {@link #value()}: the caller must be signed in and hold one of
 * the operation's roles, or the method is not entered. The scope (whose enterprise, school or job) is checked by the
 * method itself with {@link Rights#require}, once it knows the target.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {

	/** The operation the method performs. */
	Operation value();
}
