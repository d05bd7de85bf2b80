package fi.arki.ui.decks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One deck upload per organisation and a few per node; a slot comes back when it is closed, once. */
class UploadSlotsTests {

    final UploadSlots slots = new UploadSlots();

    @Test
    void an_organisation_runs_one_upload_at_a_time_and_others_are_not_held_up_by_it() {
        Optional<UploadSlots.Slot> first = slots.take("a");
        assertThat(first).isPresent();
        assertThat(slots.take("a")).isEmpty();
        Optional<UploadSlots.Slot> other = slots.take("b");
        assertThat(other).isPresent();

        first.get().close();
        first.get().close(); // twice is harmless: it gives back one slot only
        Optional<UploadSlots.Slot> again = slots.take("a");
        assertThat(again).isPresent();
        assertThat(slots.take("a")).isEmpty();
    }

    @Test
    void the_node_runs_at_most_its_limit_of_uploads_whatever_the_organisations() {
        List<UploadSlots.Slot> held = new ArrayList<>();
        for (int i = 0; i < UploadSlots.PER_NODE; i++) {
            held.add(slots.take("org-" + i).orElseThrow());
        }
        assertThat(slots.take("one-more")).isEmpty();
        // a refusal by the node keeps nothing of the organisation's own slot
        held.getFirst().close();
        assertThat(slots.take("one-more")).isPresent();
    }
}
