package fi.arki.identity.internal;

import static fi.arki.identity.internal.db.Tables.USER_ACCOUNT;

import fi.arki.identity.Account;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.identity.LocalAccountStatus;
import java.time.OffsetDateTime;
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

    private final DSLContext db;

    Accounts(DSLContext db) {
        this.db = db;
    }

    public void insert(Account account, @Nullable String passwordHash) {
        insert(account, passwordHash, false);
    }

    public void insert(Account account, @Nullable String passwordHash, boolean passwordChangeRequired) {
        db.insertInto(USER_ACCOUNT)
                .set(USER_ACCOUNT.ID, account.id().value())
                .set(USER_ACCOUNT.ISSUER, account.issuer())
                .set(USER_ACCOUNT.SUBJECT, account.subject())
                .set(USER_ACCOUNT.DISPLAY_NAME, account.displayName())
                .set(USER_ACCOUNT.EMAIL, account.email())
                .set(USER_ACCOUNT.PLATFORM_ADMIN, account.platformAdmin())
                .set(USER_ACCOUNT.PREFERRED_LOCALE, account.preferredLanguage() == null ? null : account.preferredLanguage().tag())
                .set(USER_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(USER_ACCOUNT.PASSWORD_CHANGE_REQUIRED, passwordChangeRequired)
                .execute();
    }

    public boolean delete(AccountId id) {
        return db.deleteFrom(USER_ACCOUNT).where(USER_ACCOUNT.ID.eq(id.value())).execute() == 1;
    }

    public boolean exists(AccountId id) {
        return db.fetchExists(USER_ACCOUNT, USER_ACCOUNT.ID.eq(id.value()));
    }

    public Optional<Account> find(AccountId id) {
        return db.selectFrom(USER_ACCOUNT).where(USER_ACCOUNT.ID.eq(id.value())).fetchOptional(Accounts::toAccount);
    }

    public Optional<Account> find(String issuer, String subject) {
        return db.selectFrom(USER_ACCOUNT)
                .where(USER_ACCOUNT.ISSUER.eq(issuer), USER_ACCOUNT.SUBJECT.eq(subject))
                .fetchOptional(Accounts::toAccount);
    }

    public Optional<LocalCredentials> localCredentials(String username) {
        return db.select(USER_ACCOUNT.ID, USER_ACCOUNT.PASSWORD_HASH, USER_ACCOUNT.LOCKED_UNTIL)
                .from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ISSUER.eq(Account.LOCAL_ISSUER), USER_ACCOUNT.SUBJECT.eq(username))
                .fetchOptional(r -> new LocalCredentials(new AccountId(r.value1()), r.value2(), r.value3()));
    }

    public Optional<LocalCredentials> localCredentials(AccountId account) {
        return db.select(USER_ACCOUNT.ID, USER_ACCOUNT.PASSWORD_HASH, USER_ACCOUNT.LOCKED_UNTIL)
                .from(USER_ACCOUNT)
                .where(USER_ACCOUNT.ID.eq(account.value()), USER_ACCOUNT.ISSUER.eq(Account.LOCAL_ISSUER))
                .fetchOptional(r -> new LocalCredentials(new AccountId(r.value1()), r.value2(), r.value3()));
    }

    public void setPassword(AccountId account, String passwordHash, boolean changeRequired) {
        db.update(USER_ACCOUNT)
                .set(USER_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(USER_ACCOUNT.PASSWORD_CHANGE_REQUIRED, changeRequired)
                .where(USER_ACCOUNT.ID.eq(account.value()))
                .execute();
    }

    public void unlock(AccountId account) {
        db.update(USER_ACCOUNT)
                .set(USER_ACCOUNT.FAILED_LOGINS, 0)
                .setNull(USER_ACCOUNT.LOCKED_UNTIL)
                .where(USER_ACCOUNT.ID.eq(account.value()))
                .execute();
    }

    public boolean passwordChangeRequired(AccountId account) {
        return db.fetchExists(USER_ACCOUNT, USER_ACCOUNT.ID.eq(account.value()), USER_ACCOUNT.PASSWORD_CHANGE_REQUIRED.isTrue());
    }

    /** Local accounts with their lock state: those listed, or all when {@code ids} is null. */
    public List<LocalAccountStatus> localStatus(@Nullable Collection<AccountId> ids) {
        return db.selectFrom(USER_ACCOUNT)
                .where(USER_ACCOUNT.ISSUER.eq(Account.LOCAL_ISSUER))
                .and(ids == null ? DSL.noCondition() : USER_ACCOUNT.ID.in(ids.stream().map(AccountId::value).toList()))
                .orderBy(USER_ACCOUNT.SUBJECT)
                .fetch(r -> new LocalAccountStatus(new AccountId(r.getId()), r.getSubject(), r.getDisplayName(),
                        r.getFailedLogins(), r.getLockedUntil() == null ? null : r.getLockedUntil().toInstant(),
                        r.getPasswordChangeRequired(), r.getLastLoginAt() == null ? null : r.getLastLoginAt().toInstant()));
    }

    /** Brings a single sign-on account up to date with what its identity provider says now. */
    public void updateFromIdentityProvider(AccountId account, String displayName, @Nullable String email, boolean platformAdmin) {
        db.update(USER_ACCOUNT)
                .set(USER_ACCOUNT.DISPLAY_NAME, displayName)
                .set(USER_ACCOUNT.EMAIL, email)
                .set(USER_ACCOUNT.PLATFORM_ADMIN, platformAdmin)
                .set(USER_ACCOUNT.LAST_LOGIN_AT, OffsetDateTime.now())
                .where(USER_ACCOUNT.ID.eq(account.value()))
                .execute();
    }

    private static Account toAccount(Record r) {
        String locale = r.get(USER_ACCOUNT.PREFERRED_LOCALE);
        return new Account(new AccountId(r.get(USER_ACCOUNT.ID)), r.get(USER_ACCOUNT.ISSUER), r.get(USER_ACCOUNT.SUBJECT),
                r.get(USER_ACCOUNT.DISPLAY_NAME), r.get(USER_ACCOUNT.EMAIL), r.get(USER_ACCOUNT.PLATFORM_ADMIN),
                locale == null ? null : Language.ofTag(locale).orElse(null));
    }

    public record LocalCredentials(AccountId account, @Nullable String passwordHash, @Nullable OffsetDateTime lockedUntil) {
    }
}
