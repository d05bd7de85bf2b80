package fi.arki.identity;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.identity.internal.Accounts;
import fi.arki.identity.internal.SingleSignOnAccounts;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.Callers;
import fi.arki.shared.AccountId;
import fi.arki.shared.AsArki;
import fi.arki.shared.Actor;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fi.arki.tenancy.TenantExport;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: local ones (created by administrators, with passwords their owners change) and single
 * sign-on ones (created at first sign-in from a verified token); and which tenants, as which
 * person and with which roles, an account acts in.
 */
@Service
// Long on purpose for now (~370 lines): local accounts, passwords, unlocks and restores share the account rules and audit; the next
// split separates passwords (with V85's functions) from account lifecycle.
public class AccountManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 128;

    private final Accounts accounts;
    private final SingleSignOnAccounts singleSignOn;
    private final TenantManagement tenants;
    private final DirectoryManagement directory;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    AccountManagement(Accounts accounts, SingleSignOnAccounts singleSignOn, TenantManagement tenants,
                      DirectoryManagement directory, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.singleSignOn = singleSignOn;
        this.tenants = tenants;
        this.directory = directory;
        this.passwords = passwords;
        this.events = events;
    }

    /**
     * A local account of the platform itself (the demo's accounts). Never a platform administrator:
     * the runtime role cannot make one (T-29); the owner role grants the flag
     * ({@link PlatformAdministrators}), so {@code platformAdmin} must be false.
     */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional
    public Account createLocal(String username, String displayName, String password, boolean platformAdmin) {
        if (platformAdmin) {
            throw new IllegalArgumentException("A platform administrator is granted by the owner role: PlatformAdministrators.grantLocal");
        }
        Account account = insertLocal(username, displayName, null, password);
        accounts.setPassword(account.id(), passwords.encode(password), false);
        return account;
    }

    /**
     * A tenant administrator adds a person who signs in with a local account: the account, the
     * person in the bound tenant and their roles, in one transaction. The first password is one the
     * user must change at their first sign-in.
     */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    @Transactional
    public Person createLocalMember(String username, String displayName, @Nullable String email,
                                    String firstPassword, Set<Role> roles) {
        Account account = insertLocal(username, displayName, email, firstPassword);
        Person person = directory.addPerson(displayName, email, account.id());
        for (Role role : roles) {
            directory.grantRole(person.id(), role);
        }
        // a first password only for an account a person of the bound tenant stands for (arki_set_password)
        accounts.setPassword(account.id(), passwords.encode(firstPassword), true);
        return person;
    }

    /** The signed-in user changes their own local password, proving they know the current one. */
    @PermitAll
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AccountId me = currentAccount().orElseThrow(() -> new InvalidInputException("error.account.not-local"));
        if (accounts.find(me).map(Account::platformAdmin).orElse(false)) {
            // whoever could set it could sign in as one (T-29): an operator does, as the owner role
            throw new InvalidInputException("error.account.platform-admin-password");
        }
        var credentials = accounts.localCredentials(me).orElseThrow(() -> new InvalidInputException("error.account.not-local"));
        if (currentPassword == null || credentials.passwordHash() == null
                || !passwords.matches(currentPassword, credentials.passwordHash())) {
            throw new InvalidInputException("error.account.current-password-wrong");
        }
        checkPassword(newPassword);
        if (passwords.matches(newPassword, credentials.passwordHash())) {
            throw new InvalidInputException("error.account.password-unchanged");
        }
        accounts.setPassword(me, passwords.encode(newPassword), false);
        events.publishEvent(new AccountEvents.PasswordChanged(TenantContext.current().orElse(null), me, false));
    }

    /** A tenant administrator sets a new first password for a local account of their tenant. */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional
    public void resetPassword(AccountId account, String firstPassword) {
        requireLocalAccountOfTenant(account);
        checkPassword(firstPassword);
        accounts.setPassword(account, passwords.encode(firstPassword), true);
        accounts.unlock(account);
        events.publishEvent(new AccountEvents.PasswordChanged(TenantContext.require(), account, true));
    }

    /** Lifts a lock that wrong passwords put on a local account of the tenant (or any, for the platform). */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    @Transactional
    public void unlock(AccountId account) {
        if (TenantContext.current().isPresent()) {
            requireLocalAccountOfTenant(account);
        } else if (accounts.localCredentials(account).isEmpty()) {
            throw new InvalidInputException("error.account.not-found");
        }
        accounts.unlock(account);
        events.publishEvent(new AccountEvents.AccountUnlocked(TenantContext.current().orElse(null), account));
    }

    /** The local accounts of the people of the bound tenant, with their lock state. */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<LocalAccountStatus> localAccountsOfTenant() {
        List<AccountId> ids = directory.people().stream().map(Person::account).filter(a -> a != null).toList();
        return accounts.localStatus(ids);
    }

    /** Every local account of the platform, with its lock state. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(readOnly = true)
    public List<LocalAccountStatus> localAccounts() {
        return accounts.localStatus(null);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public boolean passwordChangeRequired(AccountId account) {
        return visibleToCaller(account) && accounts.passwordChangeRequired(account);
    }

    /**
     * An account (a platform table, which row level security does not guard): the caller's own,
     * one of a person of the bound tenant, or any for Arki itself and platform administrators.
     * Another tenant's accounts are not found (T-03).
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Account> find(AccountId id) {
        return visibleToCaller(id) ? accounts.find(id) : Optional.empty();
    }

    /** A local account by its user name, as {@link #find} sees accounts. */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    @Transactional(readOnly = true)
    public Optional<Account> findLocal(String username) {
        return accounts.find(Account.LOCAL_ISSUER, username.strip().toLowerCase(Locale.ROOT)).filter(a -> visibleToCaller(a.id()));
    }

    private boolean visibleToCaller(AccountId account) {
        return Callers.systemPlatformAdminOrOwner(account)
                || (TenantContext.current().isPresent() && directory.personOf(account).isPresent());
    }

    /**
     * Signs in a single sign-on user from a verified token: creates or updates their account, maps
     * their organizations (by id) to tenants, and makes them a person of each tenant they reach for
     * the first time. Each tenant is written in its own transaction, bound to that tenant. No user
     * may call it: only Arki's sign-in does, before anyone is signed in (as the system).
     */
    @DenyAll
    public SingleSignOn signInWithSingleSignOn(SingleSignOnIdentity identity) {
        SingleSignOn signOn = resolveSingleSignOn(identity);
        List<Membership> memberships = signOn.memberships();
        events.publishEvent(new AccountEvents.SignedIn(memberships.size() == 1 ? memberships.getFirst().tenant().id() : null,
                signOn.account().id(), signOn.account().subject(), identity.issuer()));
        return signOn;
    }

    /** As {@link #signInWithSingleSignOn} for a bearer token of an API call: the same account and tenants, no sign-in recorded. */
    @DenyAll
    public SingleSignOn resolveSingleSignOn(SingleSignOnIdentity identity) {
        Account account = singleSignOn.upsert(identity);
        Set<Tenant> reached = new LinkedHashSet<>();
        for (String organization : identity.organizationIds()) {
            tenants.tenantOfOrganization(organization).ifPresent(reached::add);
        }
        String verifiedEmail = identity.emailVerified() ? identity.email() : null;
        List<Membership> memberships = reached.stream()
                .map(tenant -> {
                    TenantContext.runAs(tenant.id(), () -> directory.joinOnSignIn(account.id(), account.displayName(), verifiedEmail));
                    return membershipIn(account.id(), tenant.id());
                })
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(m -> m.tenant().name()))
                .toList();
        return new SingleSignOn(account, memberships);
    }

    /**
     * Every tenant the account acts in, each read under its own tenant binding, in tenant name
     * order. Only for the account's own user (and Arki itself, platform administrators): the
     * tenants someone else belongs to are not another tenant's business (T-03).
     */
    @PermitAll
    public List<Membership> memberships(AccountId account) {
        if (!Callers.systemPlatformAdminOrOwner(account)) {
            return List.of();
        }
        List<TenantId> tenantIds = directory.tenantsOf(account);
        return tenantIds.stream()
                .map(id -> membershipIn(account, id))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(m -> m.tenant().name()))
                .toList();
    }

    /** The account's membership in one tenant, read under that tenant's binding; as {@link #memberships}, only for its own user. */
    @PermitAll
    public Optional<Membership> membershipIn(AccountId account, TenantId tenantId) {
        if (!Callers.systemPlatformAdminOrOwner(account)) {
            return Optional.empty();
        }
        return TenantContext.callAs(tenantId, () -> tenants.find(tenantId).flatMap(tenant ->
                directory.personOf(account).map(p -> new Membership(tenant, p.id(), directory.rolesOf(p.id())))));
    }

    /** The user as they act once they have chosen a tenant (or as they are when they have none). */
    @PermitAll
    public ActingUser actingUser(Account account, @Nullable Membership membership) {
        ActingUser user = ActingUser.withoutTenant(account);
        return membership == null ? user : user.actingIn(membership);
    }

    // ---- a tenant's data lifecycle (docs/data-lifecycle.md) ------------------------------------

    /**
     * For restoring a tenant export: the account the export's entry stands for here — the account
     * with the same issuer and subject, or a new one. A new local account has no password (an
     * administrator sets a first password); a new single sign-on account signs in as before. No
     * account becomes a platform administrator this way.
     */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public AccountId restoreAccount(TenantExport.AccountEntry entry) {
        Optional<Account> existing = accounts.find(entry.issuer(), entry.subject());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        if (entry.issuer().isBlank() || entry.subject().isBlank() || entry.issuer().length() > 500 || entry.subject().length() > 255
                || (Account.LOCAL_ISSUER.equals(entry.issuer()) && !USERNAME.matcher(entry.subject()).matches())) {
            throw new InvalidInputException("lifecycle.import.error.malformed", "accounts.json");
        }
        AccountId id = accounts.exists(new AccountId(entry.id())) ? AccountId.random() : new AccountId(entry.id());
        Account account = new Account(id, entry.issuer(), entry.subject(), Names.require(entry.displayName()),
                entry.email() == null || entry.email().isBlank() ? null : entry.email().strip(), false,
                entry.preferredLanguage() == null ? null : fi.arki.shared.Language.ofTag(entry.preferredLanguage()).orElse(null));
        accounts.insert(account, null, Account.LOCAL_ISSUER.equals(entry.issuer()));
        events.publishEvent(new AccountEvents.AccountCreated(TenantContext.current().orElse(null), id, entry.subject()));
        return id;
    }

    /**
     * After a tenant's deletion: deletes those of its former members' accounts that act in no
     * tenant any more and are not platform administrators (they could sign in to nothing). Returns
     * how many went.
     */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int deleteAccountsWithoutTenant(Collection<AccountId> candidates, TenantId deletedTenant) {
        int deleted = 0;
        for (AccountId account : candidates) {
            boolean platformAdmin = accounts.find(account).map(Account::platformAdmin).orElse(true);
            if (!platformAdmin && directory.tenantsOf(account).isEmpty() && accounts.delete(account)) {
                events.publishEvent(new AccountEvents.AccountDeleted(deletedTenant, account, "tenant-deleted"));
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * After a tenant administrator has removed a person: deletes the account they had if it now acts
     * in no tenant and is not a platform administrator's (it could sign in to nothing). An account
     * still in another tenant stays, and so does an account still linked to someone in this tenant.
     * Returns whether it went.
     */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean deleteIfInNoTenant(AccountId account) {
        if (directory.personOf(account).isPresent()) {
            return false;
        }
        TenantId tenant = TenantContext.require();
        // which tenants an account belongs to is beyond a tenant administrator's sight: Arki looks
        boolean unused = AsArki.call(() -> directory.tenantsOf(account).isEmpty()
                && !accounts.find(account).map(Account::platformAdmin).orElse(true));
        if (unused && accounts.delete(account)) {
            events.publishEvent(new AccountEvents.AccountDeleted(tenant, account, "person-removed"));
            return true;
        }
        return false;
    }

    /** The account, without a password yet (the caller sets it, a first one once the person exists). */
    private Account insertLocal(String username, String displayName, @Nullable String email, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("error.account.username-format");
        }
        checkPassword(password);
        if (accounts.find(Account.LOCAL_ISSUER, name).isPresent()) {
            throw new InvalidInputException("error.account.username-taken", name);
        }
        Account account = new Account(AccountId.random(), Account.LOCAL_ISSUER, name, Names.require(displayName),
                email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT), false, null);
        accounts.insert(account, null, false);
        events.publishEvent(new AccountEvents.AccountCreated(TenantContext.current().orElse(null), account.id(), name));
        return account;
    }

    private static void checkPassword(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("error.account.password-too-short", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("error.account.password-too-long", MAX_PASSWORD_LENGTH);
        }
    }

    private void requireLocalAccountOfTenant(AccountId account) {
        boolean ofTenant = directory.personOf(account).isPresent();
        if (!ofTenant || accounts.localCredentials(account).isEmpty()) {
            throw new InvalidInputException("error.account.not-found");
        }
    }

    private static Optional<AccountId> currentAccount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor
                ? Optional.of(actor.accountId()) : Optional.empty();
    }
}
