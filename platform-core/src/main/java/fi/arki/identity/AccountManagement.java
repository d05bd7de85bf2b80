package fi.arki.identity;

import fi.arki.directory.DirectoryManagement;
import fi.arki.identity.internal.Accounts;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.shared.Names;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts and tells which tenants, as which person and with which roles, an account acts in. */
@Service
public class AccountManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
    static final int MIN_PASSWORD_LENGTH = 8;

    private final Accounts accounts;
    private final TenantManagement tenants;
    private final DirectoryManagement directory;
    private final PasswordEncoder passwords;

    AccountManagement(Accounts accounts, TenantManagement tenants, DirectoryManagement directory, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.directory = directory;
        this.passwords = passwords;
    }

    @Transactional
    public Account createLocal(String username, String displayName, String password, boolean platformAdmin) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("error.account.username-format");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("error.account.password-too-short", MIN_PASSWORD_LENGTH);
        }
        if (accounts.find(Account.LOCAL_ISSUER, name).isPresent()) {
            throw new InvalidInputException("error.account.username-taken", name);
        }
        Account account = new Account(AccountId.random(), Account.LOCAL_ISSUER, name, Names.require(displayName),
                null, platformAdmin, null);
        accounts.insert(account, passwords.encode(password));
        return account;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(AccountId id) {
        return accounts.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findLocal(String username) {
        return accounts.find(Account.LOCAL_ISSUER, username.strip().toLowerCase(Locale.ROOT));
    }

    /** Every tenant the account acts in, each read under its own tenant binding, in tenant name order. */
    public List<Membership> memberships(AccountId account) {
        List<TenantId> tenantIds = directory.tenantsOf(account);
        return tenantIds.stream()
                .map(id -> membershipIn(account, id))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(m -> m.tenant().name()))
                .toList();
    }

    public Optional<Membership> membershipIn(AccountId account, TenantId tenantId) {
        return tenants.find(tenantId).flatMap(tenant -> TenantContext.callAs(tenantId,
                () -> directory.personOf(account).map(p -> new Membership(tenant, p.id(), directory.rolesOf(p.id())))));
    }

    /** The user as they act once they have chosen a tenant (or as they are when they have none). */
    public ActingUser actingUser(Account account, @Nullable Membership membership) {
        ActingUser user = ActingUser.withoutTenant(account);
        return membership == null ? user : user.actingIn(membership);
    }
}
