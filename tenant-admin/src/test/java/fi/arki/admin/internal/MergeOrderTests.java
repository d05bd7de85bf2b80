package fi.arki.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantMergeParticipant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeOrderTests {

    record Participant(String name, Set<String> after) implements TenantMergeParticipant {
        @Override
        public void copy(TenantMerge merge) {
        }

        @Override
        public void deleteSource(TenantMerge merge) {
        }
    }

    @Test
    void a_participant_copies_after_those_whose_rows_it_references() {
        var sessions = new Participant("session", Set.of("directory", "deck"));
        var followup = new Participant("followup", Set.of("session"));
        var directory = new Participant("directory", Set.of());
        var deck = new Participant("deck", Set.of());

        List<TenantMergeParticipant> order = MergeOrder.of(List.of(followup, sessions, deck, directory));

        assertThat(order).extracting(TenantMergeParticipant::name).containsExactly("deck", "directory", "session", "followup");
    }

    @Test
    void an_unknown_or_circular_dependency_is_refused_at_start_up() {
        assertThatThrownBy(() -> MergeOrder.of(List.of(new Participant("session", Set.of("nothing")))))
                .hasMessageContaining("nothing");
        assertThatThrownBy(() -> MergeOrder.of(List.of(new Participant("a", Set.of("b")), new Participant("b", Set.of("a")))))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> MergeOrder.of(List.of(new Participant("a", Set.of()), new Participant("a", Set.of()))))
                .hasMessageContaining("Two");
    }
}
