package fi.arki.admin;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.identity.AccountManagement;
import fi.arki.session.SessionManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.AccountId;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a person from a tenant, for someone who leaves the organisation or asks to be forgotten
 * (GDPR art. 17), in one transaction: the directory forgets who they were (name, e-mail, roles,
 * teams), named sessions forget the name they wrote under, and their account goes if it can sign in
 * to no other tenant. What they wrote stays with the team, as an anonymous participant's answers
 * would; targets they owned stay, with no owner's name. docs/data-lifecycle.md describes it.
 */
@Service
public class PersonRemovalManagement {

    private final DirectoryManagement directory;
    private final SessionManagement sessions;
    private final AccountManagement accounts;

    PersonRemovalManagement(DirectoryManagement directory, SessionManagement sessions, AccountManagement accounts) {
        this.directory = directory;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional
    public Removal remove(PersonId person) {
        Optional<AccountId> account = directory.removePerson(person);
        int namesForgotten = sessions.forgetNamesOf(person);
        boolean accountDeleted = account.map(accounts::deleteIfInNoTenant).orElse(false);
        return new Removal(person, namesForgotten, account.isPresent(), accountDeleted);
    }

    /**
     * What a removal did: how many session participants lost the person's name, whether the person
     * had an account, and whether it was deleted (it stays if it belongs to another tenant too).
     */
    public record Removal(PersonId person, int namesForgotten, boolean hadAccount, boolean accountDeleted) {
    }
}
