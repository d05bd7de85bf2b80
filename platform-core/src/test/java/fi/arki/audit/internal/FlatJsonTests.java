package fi.arki.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTests {

    @Test
    void details_survive_the_round_trip_whatever_characters_they_hold() {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("name", "Åsa \"Ö\" Ärlig\\");
        detail.put("control", "line\nbreak\ttab\u0001");
        detail.put("empty", "");

        assertThat(FlatJson.read(FlatJson.write(detail))).isEqualTo(detail);
        assertThat(FlatJson.read("{\"a\": \"b\", \"c\": \"\\u00e4\"}")).containsEntry("a", "b").containsEntry("c", "ä");
        assertThat(FlatJson.read("{}")).isEmpty();
    }
}
