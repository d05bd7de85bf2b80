package fi.arki.identity.internal;

import fi.arki.identity.Account;
import fi.arki.identity.AccountEvents;
import fi.arki.identity.ActingUser;
import fi.arki.identity.LocalSignIn;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local accounts (bcrypt) for the embedded default and small self-hosted installs.
 *
 * <p>An attempt first passes the {@link LoginThrottle} (per address, per name), then, one of a
 * few at a time, claims a try from the account's failure counter in the database
 * ({@link LocalLogins#claim}: counted before the check, refused while locked, atomically), checks
 * exactly one bcrypt hash (the account's, or a dummy one for an unknown or locked account, so the
 * three take the same time) and answers every refusal alike. The claim commits before the hash is
 * checked: the row is held only for the update, never for the hashing. Every outcome is published
 * for the audit log.
 */
@Service
public class LocalAccounts implements LocalSignIn {

    private static final Logger log = LoggerFactory.getLogger(LocalAccounts.class);

    private final LocalLogins logins;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final int maxFailures;
    private final Duration lockDuration;
    /** A hash of nobody's password, made by the same encoder (so the same cost) as the real ones. */
    private final String dummyHash;

    LocalAccounts(LocalLogins logins, Accounts accounts, LoginThrottle throttle, PasswordEncoder encoder,
                  ApplicationEventPublisher events, PlatformTransactionManager transactions,
                  @Value("${arki.local-accounts.max-failures:5}") int maxFailures,
                  @Value("${arki.local-accounts.lock-duration:PT15M}") Duration lockDuration) {
        this.logins = logins;
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public ActingUser signIn(String username, String password, @Nullable String clientAddress) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!throttle.admit(name, clientAddress)) {
            // no audit row per refused attempt: a flood would write one each; the log says it once per attempt at debug
            log.debug("Sign-in attempt over the rate limit");
            throw refused();
        }
        return throttle.check(() -> check(name, password)).orElseThrow(() -> {
            log.warn("Sign-in refused: every password check place stayed busy");
            return refused();
        }).orElseThrow(LocalAccounts::refused);
    }

    private Optional<ActingUser> check(String name, String password) {
        Optional<LocalLogins.Claim> claim = transaction.execute(s -> logins.claim(name, maxFailures, lockDuration));
        // exactly one bcrypt verification whatever the account's state
        boolean right = encoder.matches(password, claim.map(LocalLogins.Claim::passwordHash).orElse(dummyHash));
        if (claim.isPresent() && right) {
            transaction.executeWithoutResult(s -> logins.succeeded(claim.get().account().id()));
            return Optional.of(ActingUser.withoutTenant(claim.get().account()));
        }
        transaction.executeWithoutResult(s -> {
            events.publishEvent(new AccountEvents.SignInFailed(null, name, claim.isPresent() ? "bad-credentials" : "unknown-or-locked"));
            claim.filter(c -> c.failures() == maxFailures).ifPresent(c ->
                    events.publishEvent(new AccountEvents.AccountLocked(null, c.account().id(), name)));
        });
        return Optional.empty();
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("Bad credentials");
    }

    /** A successful local sign-in is recorded in the audit log with the tenant the user acts in (the principal is the user Arki built). */
    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ActingUser user) {
            accounts.find(user.account()).filter(Account::local).ifPresent(account ->
                    events.publishEvent(new AccountEvents.SignedIn(user.tenant(), account.id(), account.subject(), Account.LOCAL_ISSUER)));
        }
    }
}
