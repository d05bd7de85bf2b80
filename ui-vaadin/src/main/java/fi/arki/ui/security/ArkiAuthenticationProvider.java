package fi.arki.ui.security;

import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.identity.LocalSignIn;
import fi.arki.identity.Membership;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a local password ({@link LocalSignIn}: rate limits, the account's lock, one bcrypt check
 * whatever the outcome), then turns the account into the user who acts in Arki: with a single
 * tenant they act in it at once; with several they choose one first ({@link TenantSelection}).
 */
@Component
class ArkiAuthenticationProvider implements AuthenticationProvider {

    private final LocalSignIn passwords;
    private final AccountManagement accounts;

    ArkiAuthenticationProvider(LocalSignIn passwords, AccountManagement accounts) {
        this.passwords = passwords;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        // the client's address as Tomcat sees it: the proxy's X-Forwarded-For only from a trusted proxy
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        ActingUser user = passwords.signIn(String.valueOf(authentication.getName()), String.valueOf(authentication.getCredentials()), address);
        List<Membership> memberships = accounts.memberships(user.account());
        ActingUser acting = memberships.size() == 1 ? user.actingIn(memberships.getFirst()) : user;
        return authenticated(acting);
    }

    static Authentication authenticated(ActingUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(user));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
