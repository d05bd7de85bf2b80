package fi.arki.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.testing.ArkiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ArkiIntegrationTest
class TenantSettingsIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired TenantSettingsManagement settings;

    TenantId tenant(String slug) {
        TenantId id = TenantId.random();
        tenants.create(id, slug + "-" + id.value().toString().substring(0, 6), "Pohjanmaan elinvoimakeskus");
        return id;
    }

    @Test
    void a_new_tenant_has_the_defaults_and_keeps_what_it_saves() {
        TenantId id = tenant("settings");
        assertThat(TenantContext.callAs(id, settings::current)).isEqualTo(TenantSettings.defaults());

        TenantSettings bilingual = new TenantSettings(List.of(Language.FI, Language.SV), Language.SV, false, 7, 365,
                "Pohjanmaan elinvoimakeskuksessa", "  Pohjanmaan elinvoimakeskuksesta ");
        TenantContext.runAs(id, () -> settings.update(bilingual));

        TenantSettings saved = TenantContext.callAs(id, settings::current);
        assertThat(saved.bilingual()).isTrue();
        assertThat(saved.defaultLanguage()).isEqualTo(Language.SV);
        assertThat(saved.anonymityThreshold()).isEqualTo(7);
        assertThat(saved.nameFinnishElative()).isEqualTo("Pohjanmaan elinvoimakeskuksesta");
        assertThat(saved.organisationName("Pohjanmaan elinvoimakeskus")
                .fill("Mitä tietoa tarvitset {organisation:elative}?", Language.FI))
                .isEqualTo("Mitä tietoa tarvitset Pohjanmaan elinvoimakeskuksesta?");
    }

    @Test
    void settings_of_one_tenant_are_invisible_to_another() {
        TenantId a = tenant("a");
        TenantId b = tenant("b");
        TenantContext.runAs(a, () -> settings.update(new TenantSettings(List.of(Language.EN), Language.EN, false, 9, 90, null, null)));
        assertThat(TenantContext.callAs(b, settings::current)).isEqualTo(TenantSettings.defaults());
    }

    @Test
    void impossible_settings_are_refused_with_a_message_key() {
        TenantId id = tenant("bad");
        assertThatThrownBy(() -> TenantContext.runAs(id, () -> settings.update(
                new TenantSettings(List.of(Language.FI), Language.SV, true, 5, 730, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("error.settings.default-language-not-served");
        assertThatThrownBy(() -> TenantContext.runAs(id, () -> settings.update(
                new TenantSettings(List.of(Language.FI), Language.FI, true, 1, 730, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("error.settings.anonymity-threshold");
        assertThat(TenantContext.callAs(id, settings::current)).isEqualTo(TenantSettings.defaults());
    }

    @Test
    void without_a_tenant_there_are_no_settings_to_read() {
        assertThatThrownBy(settings::current).isInstanceOf(TenantContext.NoTenantBoundException.class);
    }
}
