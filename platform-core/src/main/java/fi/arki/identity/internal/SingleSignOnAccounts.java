package fi.arki.identity.internal;

import fi.arki.identity.Account;
import fi.arki.identity.SingleSignOnIdentity;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates a single sign-on account at its first sign-in and keeps it in step with the identity provider. */
@Component
public class SingleSignOnAccounts {

    private final Accounts accounts;

    SingleSignOnAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public Account upsert(SingleSignOnIdentity identity) {
        if (Account.LOCAL_ISSUER.equals(identity.issuer())) {
            throw new IllegalArgumentException("A single sign-on issuer cannot be '" + Account.LOCAL_ISSUER + "'");
        }
        String name = displayName(identity);
        String email = identity.email() == null || identity.email().isBlank() ? null : identity.email().strip();
        Optional<Account> existing = accounts.find(identity.issuer(), identity.subject());
        if (existing.isPresent()) {
            Account a = existing.get();
            accounts.updateFromIdentityProvider(a.id(), name, email, identity.platformAdmin());
            return new Account(a.id(), a.issuer(), a.subject(), name, email, identity.platformAdmin(), a.preferredLanguage());
        }
        // inserted without the flag (the runtime role cannot write it), which the sync function then sets
        Account account = new Account(AccountId.random(), identity.issuer(), identity.subject(), name, email, false, null);
        accounts.insert(account, null);
        accounts.updateFromIdentityProvider(account.id(), name, email, identity.platformAdmin());
        return new Account(account.id(), account.issuer(), account.subject(), name, email, identity.platformAdmin(), null);
    }

    private static String displayName(SingleSignOnIdentity identity) {
        try {
            return Names.require(identity.displayName());
        } catch (InvalidInputException e) {
            return identity.email() != null && !identity.email().isBlank() ? identity.email().strip() : identity.subject();
        }
    }
}
