package fi.arki.identity.internal;

import fi.arki.identity.Account;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the local sign-in does to {@code user_account}, and nothing else: one function call
 * and one statement, in one class so that the database side of signing in can be read in one place.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class LocalLogins {

    /**
     * Claims one sign-in attempt through {@code arki_claim_login} (V85): counts it as a failure
     * before the password is checked, and answers nothing while the account is locked. The attempt
     * that reaches {@code maxFailures} locks the account itself, so concurrent attempts queue on the
     * row and find it locked: however many arrive at once, at most {@code maxFailures} get a hash to
     * check. A function, because the runtime role may not read {@code password_hash} (T-29). The
     * clock is the database's, for every node.
     */
    static final String CLAIM = "select * from arki_claim_login({0}, {1}, {2})";

    /** A right password: the count and any lock end, and the sign-in is remembered. */
    static final String SUCCEEDED = """
            UPDATE user_account SET failed_logins = 0, locked_until = NULL, last_login_at = now()
             WHERE id = {0} AND issuer = {1}""";

    private final DSLContext db;

    LocalLogins(DSLContext db) {
        this.db = db;
    }

    /** The account and its hash when the attempt may check a password; empty for an unknown, password-less or locked account. */
    public Optional<Claim> claim(String username, int maxFailures, Duration lockDuration) {
        return db.resultQuery(CLAIM, DSL.val(username), DSL.val(maxFailures), DSL.val((double) lockDuration.toMillis() / 1000))
                .fetchOptional(LocalLogins::toClaim);
    }

    public void succeeded(AccountId account) {
        db.query(SUCCEEDED, DSL.val(account.value()), DSL.val(Account.LOCAL_ISSUER)).execute();
    }

    private static Claim toClaim(Record r) {
        String locale = r.get("preferred_locale", String.class);
        Account account = new Account(new AccountId(r.get("id", java.util.UUID.class)), r.get("issuer", String.class),
                r.get("subject", String.class), r.get("display_name", String.class), r.get("email", String.class),
                Boolean.TRUE.equals(r.get("platform_admin", Boolean.class)),
                locale == null ? null : Language.ofTag(locale).orElse(null));
        return new Claim(account, r.get("password_hash", String.class), r.get("failed_logins", Integer.class));
    }

    /** An attempt that may check {@code passwordHash}; {@code failures} counts it. */
    public record Claim(Account account, String passwordHash, int failures) {
    }
}
