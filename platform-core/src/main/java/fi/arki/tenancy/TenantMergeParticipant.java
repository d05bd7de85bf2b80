package fi.arki.tenancy;

import java.util.Set;

/**
 * A module's part in merging one tenant into another: every module that owns tenant-owned tables
 * implements it (as a Spring bean) for its own tables, so that a merge moves everything and
 * nothing twice.
 *
 * <p>A merge runs in one transaction, in two passes. First every participant copies its rows of
 * {@link TenantMerge#source()} to {@link TenantMerge#target()}, participants whose rows others
 * reference first ({@link #after()}); then every participant deletes its source rows, in the
 * reverse order. Reading the source and writing the target need different tenant bindings: use
 * {@link TenantMerge#asSource} and {@link TenantMerge#asTarget}, which rebind the transaction.
 * Keep ids where you can; where two rows must become one (the same account as a person in both
 * tenants), record it with {@link TenantMerge#remap} so that later participants follow it. After
 * the last participant, the merge checks that no tenant-owned table still holds a row of the
 * source tenant and fails (rolling everything back) naming any table that does.
 */
public interface TenantMergeParticipant {

    /** A short, unique name, e.g. {@code directory}. */
    String name();

    /** The participants whose rows this one's rows reference; they copy before and delete after it. */
    default Set<String> after() {
        return Set.of();
    }

    /** Copies this module's rows of the source tenant to the target tenant. */
    void copy(TenantMerge merge);

    /** Deletes this module's rows of the source tenant (their copies are in the target already). */
    void deleteSource(TenantMerge merge);
}
