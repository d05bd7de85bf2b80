package fi.arki.identity;

import org.jspecify.annotations.Nullable;

/**
 * Signing in with a local account's password (login mode {@code local}). Every refusal (unknown
 * name, wrong password, locked account, too many attempts, too many sign-ins at once) is the same
 * {@link org.springframework.security.authentication.BadCredentialsException}, after the same work.
 */
public interface LocalSignIn {

    /**
     * The account's user, acting in no tenant yet, when {@code password} is right and the account
     * may sign in now. {@code clientAddress} is the address the request came from (after trusted
     * proxies), for the per-address limit; null when unknown.
     */
    ActingUser signIn(String username, String password, @Nullable String clientAddress);
}
