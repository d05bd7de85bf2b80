package fi.arki.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditOutcome;
import fi.arki.shared.Language;
import fi.arki.ui.i18n.ArkiI18NProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audit details are words in the reader's language, not stored codes (issue 11, item 9). */
class AuditDetailsTests {

    final ArkiI18NProvider provider = new ArkiI18NProvider();

    static AuditEntry entry(Map<String, String> detail) {
        return new AuditEntry(1, Instant.parse("2026-12-01T10:00:00Z"), "olli", null, null, "sign-in", "account", "x",
                AuditOutcome.values()[0], detail);
    }

    @Test
    void a_local_sign_in_reads_as_words_in_finnish_and_swedish() {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("method", "local");
        detail.put("rows", "12");
        AuditEntry e = entry(detail);

        String fi = AuditDetails.text(e, key -> provider.getTranslation(key, Language.FI.locale()));
        String sv = AuditDetails.text(e, key -> provider.getTranslation(key, Language.SV.locale()));

        // the entry keeps its details in a map of its own order
        assertThat(fi.split(", ")).containsExactlyInAnyOrder("Kirjautumistapa: Arkin oma salasana", "Rivejä: 12");
        assertThat(sv.split(", ")).containsExactlyInAnyOrder("Inloggningssätt: Arkis eget lösenord", "Rader: 12");
        assertThat(fi + sv).doesNotContain("method", "local");
    }

    @Test
    void a_detail_without_words_is_shown_as_stored() {
        String text = AuditDetails.text(entry(Map.of("method", "https://sso.example/realms/x")),
                key -> provider.getTranslation(key, Language.EN.locale()));
        assertThat(text).isEqualTo("Sign-in method: https://sso.example/realms/x");
    }
}
