package fi.arki.admin;

import fi.arki.admin.internal.MergeOrder;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.identity.AccountManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantMergeParticipant;
import fi.arki.tenancy.TenantOverview;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform administrator's work on tenants: create, rename, link to Keycloak organizations,
 * appoint the first administrators, merge one tenant into another, and delete a tenant.
 */
@Service
@RolesAllowed(AccessRoles.PLATFORM_ADMIN)
public class TenantLifecycleManagement {

    private final TenantManagement tenants;
    private final DirectoryManagement directory;
    private final AccountManagement accounts;
    private final List<TenantMergeParticipant> participants;
    private final List<TenantDataParticipant> dataParticipants;

    TenantLifecycleManagement(TenantManagement tenants, DirectoryManagement directory, AccountManagement accounts,
                              List<TenantMergeParticipant> participants, List<TenantDataParticipant> dataParticipants) {
        this.tenants = tenants;
        this.directory = directory;
        this.accounts = accounts;
        this.participants = MergeOrder.of(participants);
        this.dataParticipants = MergeOrder.ofData(dataParticipants);
    }

    public Tenant create(String slug, String name) {
        return tenants.create(TenantId.random(), slug, name);
    }

    public Tenant rename(TenantId tenant, String name) {
        return tenants.rename(tenant, name);
    }

    public List<TenantOverview> overview() {
        return tenants.overview();
    }

    public void linkOrganization(TenantId tenant, String organizationId) {
        tenants.linkOrganization(tenant, organizationId);
    }

    public void unlinkOrganization(String organizationId) {
        tenants.unlinkOrganization(organizationId);
    }

    /** The people of a tenant, for appointing its administrators. */
    public List<Person> peopleOf(TenantId tenant) {
        requireActive(tenant);
        return TenantContext.callAs(tenant, directory::people);
    }

    public Set<Role> rolesOf(TenantId tenant, PersonId person) {
        return TenantContext.callAs(tenant, () -> directory.rolesOf(person));
    }

    /** Makes a person of the tenant its administrator (or no longer, while another one remains). */
    public void setTenantAdmin(TenantId tenant, PersonId person, boolean admin) {
        requireActive(tenant);
        TenantContext.runAs(tenant, () -> {
            if (admin) {
                directory.grantRole(person, Role.TENANT_ADMIN);
            } else {
                directory.revokeRole(person, Role.TENANT_ADMIN);
            }
        });
    }

    /** Creates a tenant's administrator with a local account (a first password they must change). */
    public Person createLocalTenantAdmin(TenantId tenant, String username, String displayName, @Nullable String email,
                                        String firstPassword) {
        requireActive(tenant);
        return TenantContext.callAs(tenant, () -> accounts.createLocalMember(username, displayName, email, firstPassword,
                Set.of(Role.TENANT_ADMIN, Role.FACILITATOR, Role.MEMBER)));
    }

    /**
     * Merges {@code source} into {@code target} in one transaction: every module moves its rows
     * (see {@link TenantMergeParticipant}), the source's Keycloak organizations then lead to the
     * target, its people sign in there, and the source stays in the catalogue marked as merged.
     */
    @Transactional
    public MergeReport merge(TenantId source, TenantId target) {
        TenantMerge merge = tenants.beginMerge(source, target);
        for (TenantMergeParticipant participant : participants) {
            participant.copy(merge);
        }
        for (TenantMergeParticipant participant : participants.reversed()) {
            participant.deleteSource(merge);
        }
        tenants.completeMerge(merge);
        return new MergeReport(merge.source(), merge.target(), merge.movedRows());
    }

    /**
     * Deletes a tenant and everything it has, in one transaction, once the platform administrator
     * has typed the tenant's short name ({@code typedSlug}) to confirm: every module deletes its rows
     * (see {@link TenantDataParticipant}), accounts that belonged to this tenant and no other go
     * too, a catalog-wide count proves that no table holds a row of the tenant any more, and the
     * catalogue forgets it. The audit log keeps its entries (docs/data-lifecycle.md).
     */
    @Transactional
    public DeletionReport delete(TenantId tenant, String typedSlug) {
        TenantDeletion deletion = tenants.beginDeletion(tenant, typedSlug);
        deletion.asTenant(() -> {
            for (TenantDataParticipant participant : dataParticipants.reversed()) {
                participant.delete(deletion);
            }
        });
        int accountsDeleted = accounts.deleteAccountsWithoutTenant(deletion.releasedAccounts(), tenant);
        tenants.completeDeletion(deletion, accountsDeleted);
        return new DeletionReport(deletion.tenant(), deletion.deletedRows(), accountsDeleted);
    }

    private void requireActive(TenantId tenant) {
        if (tenants.overview().stream().noneMatch(t -> t.tenant().id().equals(tenant) && t.active())) {
            throw new InvalidInputException("error.tenant.not-found");
        }
    }
}
