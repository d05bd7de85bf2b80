package fi.arki.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit log's {@code detail} column, written and read with Jackson. */
class AuditDetailJsonTests {

    @Test
    void details_survive_the_round_trip_whatever_characters_they_hold() {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("name", "Åsa \"Ö\" Ärlig\\");
        detail.put("control", "line\nbreak\ttab\u0001");
        detail.put("empty", "");

        assertThat(AuditEntries.detailOf(AuditEntries.detailJson(detail))).containsExactlyEntriesOf(detail);
        assertThat(AuditEntries.detailOf(AuditEntries.detailJson(Map.of()))).isEmpty();
    }

    @Test
    void rows_written_before_jackson_read_as_they_did() {
        // what the hand-written writer stored (escapes \" \\ and \\u00XX for control characters), and PostgreSQL's jsonb
        // rendering of it ("key": "value", with a space), which is what a select returns
        String handWritten = "{\"name\":\"\u00c5sa \\\"\u00d6\\\"\\\\\",\"control\":\"line\\u000abreak\\u0009tab\\u0001\",\"empty\":\"\"}";
        String asJsonb = "{\"name\": \"\u00c5sa \\\"\u00d6\\\"\\\\\", \"empty\": \"\", \"control\": \"line\\nbreak\\ttab\\u0001\"}";

        Map<String, String> expected = Map.of("name", "Åsa \"Ö\"\\", "control", "line\nbreak\ttab\u0001", "empty", "");
        assertThat(AuditEntries.detailOf(handWritten)).isEqualTo(expected);
        assertThat(AuditEntries.detailOf(asJsonb)).isEqualTo(expected);
        assertThat(AuditEntries.detailJson(new LinkedHashMap<>(Map.of("a", "b")))).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void a_detail_that_is_not_an_object_of_strings_is_an_error_not_a_guess() {
        assertThatThrownBy(() -> AuditEntries.detailOf("[1, 2]")).isInstanceOf(tools.jackson.core.JacksonException.class);
    }
}
