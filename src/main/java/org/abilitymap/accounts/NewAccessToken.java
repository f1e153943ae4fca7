package org.abilitymap.accounts;

/**
 * A personal access token just created: the only time its whole text is shown.
 *
 * @param token the stored part
 * @param secret the whole token to send as {@code Authorization: Bearer …}
 */
public record NewAccessToken(AccessToken token, String secret) {
}
