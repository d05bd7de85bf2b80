package fi.arki.tenancy;

import fi.arki.shared.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One merge in progress, handed to every {@link TenantMergeParticipant}. It rebinds the merge's
 * transaction to the source or the target tenant for the span of a call and then back, so that
 * row level security lets a participant read the one and write the other.
 */
public final class TenantMerge {

    private final Tenant source;
    private final Tenant target;
    private final Consumer<TenantId> rebind;
    private final Map<String, Map<UUID, UUID>> remapped = new HashMap<>();
    private final Map<String, Integer> moved = new HashMap<>();

    TenantMerge(Tenant source, Tenant target, Consumer<TenantId> rebind) {
        this.source = source;
        this.target = target;
        this.rebind = rebind;
    }

    public Tenant source() {
        return source;
    }

    public Tenant target() {
        return target;
    }

    /** Runs with the transaction and {@link TenantContext} bound to the source tenant. */
    public <T> T asSource(Supplier<T> work) {
        return as(source.id(), work);
    }

    /** Runs with the transaction and {@link TenantContext} bound to the target tenant. */
    public <T> T asTarget(Supplier<T> work) {
        return as(target.id(), work);
    }

    public void asSource(Runnable work) {
        asSource(() -> {
            work.run();
            return null;
        });
    }

    public void asTarget(Runnable work) {
        asTarget(() -> {
            work.run();
            return null;
        });
    }

    private <T> T as(TenantId tenant, Supplier<T> work) {
        return Rebound.call(tenant, rebind, work);
    }

    /** Records that the source row {@code from} of {@code kind} (e.g. {@code person}) became {@code to}. */
    public void remap(String kind, UUID from, UUID to) {
        remapped.computeIfAbsent(kind, k -> new HashMap<>()).put(from, to);
    }

    /** The id a source row of {@code kind} has in the target: its remapped id, else its own. */
    public UUID resolve(String kind, UUID id) {
        return remapped.getOrDefault(kind, Map.of()).getOrDefault(id, id);
    }

    /** Counts rows moved, for the merge report ({@code table} → rows). */
    public void moved(String table, int rows) {
        moved.merge(table, rows, Integer::sum);
    }

    public Map<String, Integer> movedRows() {
        return Map.copyOf(moved);
    }
}
