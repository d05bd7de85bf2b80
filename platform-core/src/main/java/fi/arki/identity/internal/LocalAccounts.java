package fi.arki.identity.internal;

import fi.arki.identity.Account;
import fi.arki.identity.AccountEvents;
import fi.arki.identity.AccountPrincipal;
import fi.arki.identity.ActingUser;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts (bcrypt) for the embedded default and small self-hosted installs. Repeated wrong
 * passwords lock the account for a while; a correct one resets the count. Every outcome is
 * published for the audit log.
 */
@Service
public class LocalAccounts implements UserDetailsService {

    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LocalAccounts(Accounts accounts, ApplicationEventPublisher events,
                  @Value("${arki.local-accounts.max-failures:5}") int maxFailures,
                  @Value("${arki.local-accounts.lock-duration:PT15M}") Duration lockDuration) {
        this.accounts = accounts;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        var credentials = accounts.localCredentials(name)
                .filter(c -> c.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local account"));
        var account = accounts.find(credentials.account()).orElseThrow();
        boolean locked = credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(OffsetDateTime.now(clock));
        return new LocalUser(name, credentials.passwordHash(), !locked, ActingUser.withoutTenant(account));
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String name = attempted(event);
        events.publishEvent(new AccountEvents.SignInFailed(null, name, "bad-credentials"));
        accounts.recordFailure(name, maxFailures, lockDuration).filter(Accounts.LoginFailure::lockedNow).ifPresent(f ->
                events.publishEvent(new AccountEvents.AccountLocked(null, f.account(), name)));
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        events.publishEvent(new AccountEvents.SignInFailed(null, attempted(event), "locked"));
    }

    /** A successful local sign-in resets the failure count (the principal is the user Arki built from the account). */
    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ActingUser user) {
            accounts.find(user.account()).filter(Account::local).ifPresent(account -> {
                accounts.recordSuccess(account.subject());
                events.publishEvent(new AccountEvents.SignedIn(user.tenant(), account.id(), account.subject(), Account.LOCAL_ISSUER));
            });
        }
    }

    private static String attempted(AbstractAuthenticationFailureEvent event) {
        return String.valueOf(event.getAuthentication().getName()).strip().toLowerCase(Locale.ROOT);
    }

    /** A local account's Spring Security user, carrying the account it signs in as. */
    public static final class LocalUser extends User implements AccountPrincipal {

        private final ActingUser actingUser;

        LocalUser(String username, String passwordHash, boolean nonLocked, ActingUser actingUser) {
            super(username, passwordHash, true, true, true, nonLocked, List.of());
            this.actingUser = actingUser;
        }

        @Override
        public ActingUser actingUser() {
            return actingUser;
        }
    }
}
