package fi.arki.ui.security;

import fi.arki.identity.AccountManagement;
import fi.arki.identity.AccountPrincipal;
import fi.arki.identity.ActingUser;
import fi.arki.identity.Membership;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a local password, then turns the account into the user who acts in Arki: with a single
 * tenant they act in it at once; with several they choose one first ({@link TenantSelection}).
 */
@Component
class ArkiAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final AccountManagement accounts;

    ArkiAuthenticationProvider(UserDetailsService localAccounts, PasswordEncoder encoder, AccountManagement accounts) {
        this.passwords = new DaoAuthenticationProvider(localAccounts);
        this.passwords.setPasswordEncoder(encoder);
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication checked = passwords.authenticate(authentication);
        ActingUser user = ((AccountPrincipal) checked.getPrincipal()).actingUser();
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
