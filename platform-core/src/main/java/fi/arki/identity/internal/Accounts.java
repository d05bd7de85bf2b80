package fi.arki.identity.internal;

import static fi.arki.identity.internal.db.Tables.USER_ACCOUNT;

import fi.arki.identity.Account;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.identity.LocalAccountStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.Collection;
import java.util.List;
import org.jooq.impl.DSL;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Platform accounts (a platform table: read at sign-in, before any tenant is bound). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Accounts {

    /** Every column but the password hash, which the runtime role cannot select (V85). */
    private static final List<org.jooq.Field<?>> READABLE = List.of(USER_ACCOUNT.ID, USER_ACCOUNT.ISSUER, USER_ACCOUNT.SUBJECT,
            USER_ACCOUNT.DISPLAY_NAME, USER_ACCOUNT.EMAIL, USER_ACCOUNT.PLATFORM_ADMIN, USER_ACCOUNT.PREFERRED_LOCALE);

    private final DSLContext db;

    Accounts(DSLContext db) {
        this.db = db;
    }

    public void insert(Account account, @Nullable String passwordHash) {
        insert(account, passwordHash, false);
    }

    /**
     * A new account. The runtime role may insert neither a password hash nor the
     * platform-administrator flag (V85): the hash is set through {@link #setPassword}, the flag of a
     * single sign-on account through {@link #updateFromIdentityProvider}, a local account's by the
     * owner role only ({@code fi.arki.identity.PlatformAdministrators}).
     */
    public void insert(Account account, @Nullable String passwordHash, boolean passwordChangeRequired) {
        if (account.platformAdmin()) {
            throw new IllegalArgumentException("The runtime role cannot create a platform administrator");
        }
        db.insertInto(USER_ACCOUNT)
                .set(USER_ACCOUNT.ID, account.id().value())
                .set(USER_ACCOUNT.ISSUER, account.issuer())
                .set(USER_ACCOUNT.SUBJECT, account.subject())
                .set(USER_ACCOUNT.DISPLAY_NAME, account.displayName())
                .set(USER_ACCOUNT.EMAIL, account.email())
                .set(USER_ACCOUNT.PREFERRED_LOCALE, account.preferredLanguage() == null ? null : account.preferredLanguage().tag())
                .set(USER_ACCOUNT.PASSWORD_CHANGE_REQUIRED, passwordChangeRequired)
                .execute();
        if (passwordHash != null) {
            setPassword(account.id(), passwordHash, passwordChangeRequired);
        }
    }

    public boolean delete(AccountId id) {
        return db.deleteFrom(USER_ACCOUNT).where(USER_ACCOUNT.ID.eq(id.value())).execute() == 1;
    }

    public boolean exists(AccountId id) {
        return db.fetchExists(db.selectOne().from(USER_ACCOUNT).where(USER_ACCOUNT.ID.eq(id.value())));
    }

    public Optional<Account> find(AccountId id) {
        return db.select(READABLE).from(USER_ACCOUNT).where(USER_ACCOUNT.ID.eq(id.value())).fetchOptional(Accounts::toAccount);
    }

    public Optional<Account> find(String issuer, String subject) {
        return db.select(READABLE).from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ISSUER.eq(issuer), USER_ACCOUNT.SUBJECT.eq(subject))
                .fetchOptional(Accounts::toAccount);
    }

    /** A signed-in user's own hash and lock state (to prove their current password), through {@code arki_password_hash}. */
    public Optional<LocalCredentials> localCredentials(AccountId account) {
        return db.select(USER_ACCOUNT.ID, DSL.field("arki_password_hash({0})", String.class, USER_ACCOUNT.ID), USER_ACCOUNT.LOCKED_UNTIL)
                .from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ID.eq(account.value()), USER_ACCOUNT.ISSUER.eq(Account.LOCAL_ISSUER))
                .fetchOptional(r -> new LocalCredentials(new AccountId(r.value1()), r.value2(), r.value3()));
    }

    /**
     * Sets a local account's password hash through {@code arki_set_password}, which refuses a
     * platform administrator's account and, for a first password ({@code changeRequired}), an
     * account no person of the bound tenant stands for.
     */
    public void setPassword(AccountId account, String passwordHash, boolean changeRequired) {
        db.resultQuery("select arki_set_password({0}, {1}, {2})", DSL.val(account.value()), DSL.val(passwordHash), DSL.val(changeRequired))
                .fetch();
    }

    public void unlock(AccountId account) {
        db.update(USER_ACCOUNT)
                .set(USER_ACCOUNT.FAILED_LOGINS, 0)
                .setNull(USER_ACCOUNT.LOCKED_UNTIL)
                .where(USER_ACCOUNT.ID.eq(account.value()))
                .execute();
    }

    public boolean passwordChangeRequired(AccountId account) {
        return db.fetchExists(db.selectOne().from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ID.eq(account.value()), USER_ACCOUNT.PASSWORD_CHANGE_REQUIRED.isTrue()));
    }

    /** Local accounts with their lock state: those listed, or all when {@code ids} is null. */
    public List<LocalAccountStatus> localStatus(@Nullable Collection<AccountId> ids) {
        return db.select(USER_ACCOUNT.ID, USER_ACCOUNT.SUBJECT, USER_ACCOUNT.DISPLAY_NAME, USER_ACCOUNT.FAILED_LOGINS,
                        USER_ACCOUNT.LOCKED_UNTIL, USER_ACCOUNT.PASSWORD_CHANGE_REQUIRED, USER_ACCOUNT.LAST_LOGIN_AT)
                .from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ISSUER.eq(Account.LOCAL_ISSUER))
                .and(ids == null ? DSL.noCondition() : USER_ACCOUNT.ID.in(ids.stream().map(AccountId::value).toList()))
                .orderBy(USER_ACCOUNT.SUBJECT)
                .fetch(r -> new LocalAccountStatus(new AccountId(r.value1()), r.value2(), r.value3(),
                        r.value4(), r.value5() == null ? null : r.value5().toInstant(),
                        r.value6(), r.value7() == null ? null : r.value7().toInstant()));
    }

    /**
     * Brings a single sign-on account up to date with what its identity provider says now, through
     * {@code arki_sync_single_sign_on_account}, which never touches a local account.
     */
    public void updateFromIdentityProvider(AccountId account, String displayName, @Nullable String email, boolean platformAdmin) {
        db.resultQuery("select arki_sync_single_sign_on_account({0}, {1}, {2}, {3})", DSL.val(account.value()), DSL.val(displayName),
                DSL.val(email, String.class), DSL.val(platformAdmin)).fetch();
    }

    private static Account toAccount(Record r) {
        String locale = r.get(USER_ACCOUNT.PREFERRED_LOCALE);
        return new Account(new AccountId(r.get(USER_ACCOUNT.ID)), r.get(USER_ACCOUNT.ISSUER), r.get(USER_ACCOUNT.SUBJECT),
                r.get(USER_ACCOUNT.DISPLAY_NAME), r.get(USER_ACCOUNT.EMAIL), r.get(USER_ACCOUNT.PLATFORM_ADMIN),
                locale == null ? null : Language.ofTag(locale).orElse(null));
    }

    /** A counted wrong password: the account, its count now, and whether this failure locked it. */
    public record LocalCredentials(AccountId account, @Nullable String passwordHash, @Nullable OffsetDateTime lockedUntil) {
    }
}
