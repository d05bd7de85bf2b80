package fi.arki.admin.internal;

import fi.arki.tenancy.TenantMergeParticipant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders merge participants so that each copies after the participants it names in {@code after()}. */
public final class MergeOrder {

    private MergeOrder() {
    }

    public static List<TenantMergeParticipant> of(List<TenantMergeParticipant> participants) {
        Map<String, TenantMergeParticipant> byName = new LinkedHashMap<>();
        participants.stream().sorted(Comparator.comparing(TenantMergeParticipant::name)).forEach(p -> {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("Two tenant merge participants are called " + p.name());
            }
        });
        List<TenantMergeParticipant> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName, done, visiting, ordered);
        }
        return List.copyOf(ordered);
    }

    private static void visit(String name, Map<String, TenantMergeParticipant> byName, Set<String> done,
                              Set<String> visiting, List<TenantMergeParticipant> ordered) {
        if (done.contains(name)) {
            return;
        }
        TenantMergeParticipant participant = byName.get(name);
        if (participant == null) {
            throw new IllegalStateException("A tenant merge participant runs after '" + name + "', which does not exist");
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("Tenant merge participants depend on each other in a cycle through " + name);
        }
        for (String before : participant.after()) {
            visit(before, byName, done, visiting, ordered);
        }
        visiting.remove(name);
        done.add(name);
        ordered.add(participant);
    }
}
