package org.abilitymap.accounts;

/**
 * Published when a write is refused before anything of it runs because nobody is signed in.
 *
 * @param operation what was asked, such as the mutation's field name
 * @param detail why it was refused
 */
public record AnonymousWriteRefused(String operation, String detail) {
}
