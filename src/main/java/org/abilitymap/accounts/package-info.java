/**
 * Who is acting: accounts that belong to one organisation of the graph and hold roles, their login (form and session
 * for the page, HTTP Basic, personal access tokens and, when configured, JWTs from an identity provider), and the
 * rights of each role in its scope. Other modules ask {@link org.abilitymap.accounts.Rights} whether the caller may
 * do something, guard their services with {@link org.abilitymap.accounts.Allowed}, and read the caller as an
 * {@link org.abilitymap.accounts.Actor}.
 */
package org.abilitymap.accounts;
