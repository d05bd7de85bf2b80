package fi.arki.admin.internal;

import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantMergeParticipant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders tenant merge and data participants so that each comes after the participants it names
 * in {@code after()} (those whose rows its rows reference).
 */
public final class MergeOrder {

    private MergeOrder() {
    }

    public static List<TenantMergeParticipant> of(List<TenantMergeParticipant> participants) {
        return byDependencies(participants, TenantMergeParticipant::name, TenantMergeParticipant::after, "tenant merge");
    }

    public static List<TenantDataParticipant> ofData(List<TenantDataParticipant> participants) {
        return byDependencies(participants, TenantDataParticipant::name, TenantDataParticipant::after, "tenant data");
    }

    static <T> List<T> byDependencies(List<T> participants, Function<T, String> name, Function<T, Set<String>> after, String kind) {
        Map<String, T> byName = new LinkedHashMap<>();
        participants.stream().sorted(Comparator.comparing(name)).forEach(p -> {
            if (byName.put(name.apply(p), p) != null) {
                throw new IllegalStateException("Two " + kind + " participants are called " + name.apply(p));
            }
        });
        List<T> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String participant : byName.keySet()) {
            visit(participant, byName, after, kind, done, visiting, ordered);
        }
        return List.copyOf(ordered);
    }

    private static <T> void visit(String name, Map<String, T> byName, Function<T, Set<String>> after, String kind,
                                  Set<String> done, Set<String> visiting, List<T> ordered) {
        if (done.contains(name)) {
            return;
        }
        T participant = byName.get(name);
        if (participant == null) {
            throw new IllegalStateException("A " + kind + " participant runs after '" + name + "', which does not exist");
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException(kind.substring(0, 1).toUpperCase() + kind.substring(1)
                    + " participants depend on each other in a cycle through " + name);
        }
        for (String before : after.apply(participant)) {
            visit(before, byName, after, kind, done, visiting, ordered);
        }
        visiting.remove(name);
        done.add(name);
        ordered.add(participant);
    }
}
