package fi.arki.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.DirectoryManagement;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What a newcomer gets from `./arki run`: a demo organisation ready to hold a session at once. */
@SpringBootTest(classes = Application.class, properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class DemoTenantIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired TenantSettingsManagement settings;
    @Autowired DeckCatalog decks;

    @Test
    void the_demo_tenant_is_bilingual_with_its_teams_and_every_built_in_deck_offered() {
        TenantId demo = tenants.findBySlug("demo").orElseThrow().id();
        TenantContext.runAs(demo, () -> {
            assertThat(directory.organisation().units()).hasSize(2);
            assertThat(directory.organisation().teamCount()).isEqualTo(3);
            assertThat(settings.current().bilingual()).isTrue();
            assertThat(decks.enabledForCurrentTenant()).extracting(InstalledDeck::id)
                    .contains("juuti", "servicepath", "sharedcustomers");
        });
    }
}
