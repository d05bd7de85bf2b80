package fi.arki.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.deck.internal.TestDecks;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@DeckIntegrationTest
@RecordApplicationEvents
class DeckManagementIntegrationTests {

    @Autowired DeckManagement decks;
    @Autowired DeckCatalog catalog;
    @Autowired TenantManagement tenants;
    @Autowired TenantSettingsManagement tenantSettings;
    @Autowired ApplicationEvents events;

    TenantId tenant = TenantId.random();

    @BeforeEach
    void tenant() {
        tenants.create(tenant, "mgmt-" + tenant.value().toString().substring(0, 8), "Management tenant");
    }

    <T> T asAdmin(java.util.function.Supplier<T> action) {
        return TenantContext.callAs(tenant, () -> Roles.as(action, "TENANT_ADMIN"));
    }

    void asAdmin(Runnable action) {
        TenantContext.runAs(tenant, () -> Roles.as(action, "TENANT_ADMIN"));
    }

    @Test
    void the_registry_records_code_decks_and_lists_broken_ones_with_their_reasons_without_stopping_the_app() {
        List<DeckCatalogueEntry> catalogue = Roles.as(decks::catalogue, "PLATFORM_ADMIN");
        assertThat(catalogue).filteredOn(e -> e.deckId().equals("kitchen-sink")).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo("1.0.0");
            assertThat(e.origin()).isEqualTo(DeckOrigin.CODE);
            assertThat(e.state()).isEqualTo(DeckState.ACTIVE);
            assertThat(e.official()).isTrue();
            assertThat(e.deck().manifest().provenance().source()).isEqualTo("Arki test deck");
        });
        assertThat(catalogue).filteredOn(e -> e.deckId().equals("broken")).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(DeckState.FAILED);
            assertThat(e.version()).isEqualTo("0.9.0");
            assertThat(e.deck()).isNull();
            assertThat(e.problems()).containsExactly(
                    DeckProblem.of("deck.problem.unknown-kind", "cards › only › activities › x › kind", "brainstorm"));
        });
        assertThat(catalogue).filteredOn(e -> e.deckId().equals("missing")).singleElement()
                .satisfies(e -> assertThat(e.problems()).containsExactly(DeckProblem.of("deck.problem.missing-file", "deck.yaml")));
    }

    @Test
    void a_tenant_offers_a_deck_to_its_facilitators_and_takes_it_back() {
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant)).isEmpty();
        asAdmin(() -> decks.enable("kitchen-sink", null));
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant)).extracting(InstalledDeck::id).containsExactly("kitchen-sink");
        assertThat(events.stream(DeckEnabledForTenant.class)).containsExactly(new DeckEnabledForTenant(tenant, "kitchen-sink"));
        assertThat(asAdmin(decks::catalogue)).filteredOn(e -> e.deckId().equals("kitchen-sink")).singleElement()
                .satisfies(e -> assertThat(e.enabled()).isTrue());

        TenantId other = TenantId.random();
        tenants.create(other, "mgmt-o-" + other.value().toString().substring(0, 8), "Other");
        assertThat(TenantContext.callAs(other, catalog::enabledForCurrentTenant)).isEmpty();

        asAdmin(() -> decks.disable("kitchen-sink"));
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant)).isEmpty();
        assertThat(events.stream(DeckDisabledForTenant.class)).containsExactly(new DeckDisabledForTenant(tenant, "kitchen-sink"));
        // the pinned version stays readable after the deck is no longer offered
        assertThat(TenantContext.callAs(tenant, () -> catalog.find("kitchen-sink", "1.0.0"))).isPresent();
    }

    @Test
    void only_a_tenant_administrator_offers_decks_and_failed_or_unknown_decks_cannot_be_offered() {
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> Roles.as(() -> decks.enable("kitchen-sink", null), "FACILITATOR")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> asAdmin(() -> decks.enable("broken", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("deck.error.not-available"));
        assertThatThrownBy(() -> asAdmin(() -> decks.enable("no-such-deck", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("deck.error.not-available"));
    }

    @Test
    void a_bilingual_tenant_cannot_offer_a_deck_without_swedish() {
        TenantContext.runAs(tenant, () -> tenantSettings.update(
                new TenantSettings(List.of(Language.FI, Language.SV), Language.FI, true, 5, 730, null, null)));
        Map<String, byte[]> finnishAndEnglish = new LinkedHashMap<>(TestDecks.example());
        finnishAndEnglish.remove("messages_sv.properties");
        finnishAndEnglish.put("deck.yaml", new String(finnishAndEnglish.get("deck.yaml"), StandardCharsets.UTF_8)
                .replace("id: customer-moment", "id: no-swedish").replace("locales: [fi, sv, en]", "locales: [fi, en]")
                .getBytes(StandardCharsets.UTF_8));
        asAdmin(() -> decks.install(TestDecks.zip(finnishAndEnglish), DeckOrigin.TENANT_PACKAGE, null));

        assertThatThrownBy(() -> asAdmin(() -> decks.enable("no-swedish", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("deck.error.bilingual-needs-fi-sv");
                    assertThat(e.arguments()).containsExactly("Asiakashetki", "sv");
                });
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant)).isEmpty();
        asAdmin(() -> decks.enable("kitchen-sink", null));
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant)).extracting(InstalledDeck::id).containsExactly("kitchen-sink");
    }

    @Test
    void deck_settings_are_typed_checked_and_kept_per_tenant() {
        DeckSettings defaults = asAdmin(() -> decks.settings("kitchen-sink"));
        assertThat(defaults.values()).containsExactly(Map.entry("vote-budget", "3"), Map.entry("anonymous", "true"),
                Map.entry("closing-words", "Kiitos!"), Map.entry("pace", "calm"));

        DeckSettings saved = asAdmin(() -> decks.saveSettings("kitchen-sink", Map.of("vote-budget", " 5 ", "pace", "brisk")));
        assertThat(saved.integer("vote-budget")).isEqualTo(5);
        assertThat(saved.text("pace")).isEqualTo("brisk");
        assertThat(saved.bool("anonymous")).isTrue();
        assertThat(saved.changed("vote-budget")).isTrue();
        assertThat(events.stream(DeckSettingsChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.values()).containsEntry("vote-budget", "5"));

        assertThatThrownBy(() -> asAdmin(() -> decks.saveSettings("kitchen-sink",
                Map.of("vote-budget", "11", "anonymous", "maybe", "pace", "slow", "colour", "red"))))
                .isInstanceOfSatisfying(InvalidDeckException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        DeckProblem.of("deck.problem.setting-out-of-range", "vote-budget", "1", "10"),
                        DeckProblem.of("deck.problem.setting-boolean", "anonymous"),
                        DeckProblem.of("deck.problem.setting-choice", "pace", "calm, brisk"),
                        DeckProblem.of("deck.problem.setting-unknown", "colour")));
        InstalledDeck deck = TenantContext.callAs(tenant, () -> catalog.find("kitchen-sink", "1.0.0")).orElseThrow();
        assertThat(TenantContext.callAs(tenant, () -> catalog.settings(deck)).integer("vote-budget")).isEqualTo(5);

        TenantId other = TenantId.random();
        tenants.create(other, "mgmt-s-" + other.value().toString().substring(0, 8), "Other");
        assertThat(TenantContext.callAs(other, () -> catalog.settings(deck)).integer("vote-budget")).isEqualTo(3);

        // back to the default: nothing of it is stored any more
        asAdmin(() -> decks.saveSettings("kitchen-sink", Map.of("vote-budget", "3")));
        assertThat(TenantContext.callAs(tenant, () -> catalog.settings(deck)).changed("vote-budget")).isFalse();
    }

    @Test
    void the_documented_tool_packs_and_signs_a_package_that_installs_platform_wide_as_official() throws Exception {
        Path work = Files.createTempDirectory("deck-tool");
        Path folder = work.resolve("deck");
        Files.createDirectories(folder.resolve("images"));
        for (var file : TestDecks.example().entrySet()) {
            byte[] content = file.getKey().equals("deck.yaml")
                    ? new String(file.getValue(), StandardCharsets.UTF_8).replace("id: customer-moment", "id: signed-moment")
                            .getBytes(StandardCharsets.UTF_8)
                    : file.getValue();
            Files.write(folder.resolve(file.getKey()), content);
        }
        Path key = work.resolve("key.pem");
        try (var in = getClass().getResourceAsStream("/deck-keys/arki-test.pem")) {
            Files.write(key, in.readAllBytes());
        }
        Path zip = work.resolve("signed.zip");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process tool = new ProcessBuilder(java, TestDecks.docs().resolveSibling("tools/DeckPackage.java").toString(),
                "pack", folder.toString(), zip.toString(), "--sign", key.toString(), "--key-id", "arki-test")
                .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tool.waitFor()).as(output).isZero();

        byte[] signed = Files.readAllBytes(zip);
        DeckCatalogueEntry entry = Roles.as(() -> decks.install(signed, DeckOrigin.PLATFORM_PACKAGE, null), "PLATFORM_ADMIN");
        assertThat(entry.official()).isTrue();
        assertThat(entry.origin()).isEqualTo(DeckOrigin.PLATFORM_PACKAGE);
        // every tenant sees a platform package
        assertThat(TenantContext.callAs(tenant, () -> catalog.find("signed-moment", "1.0.0"))).isPresent();
        assertThat(events.stream(DeckVersionInstalled.class))
                .contains(new DeckVersionInstalled(null, "signed-moment", "1.0.0", DeckOrigin.PLATFORM_PACKAGE, true));
    }

    @Test
    void a_platform_package_cannot_take_an_id_a_tenant_uses_nor_a_tenant_package_one_the_platform_uses() {
        Map<String, byte[]> files = new LinkedHashMap<>(TestDecks.example());
        files.put("deck.yaml", new String(files.get("deck.yaml"), StandardCharsets.UTF_8)
                .replace("id: customer-moment", "id: taken-moment").getBytes(StandardCharsets.UTF_8));
        asAdmin(() -> decks.install(TestDecks.zip(files), DeckOrigin.TENANT_PACKAGE, null));
        assertThatThrownBy(() -> Roles.as(() -> decks.install(TestDecks.zip(files), DeckOrigin.PLATFORM_PACKAGE, null), "PLATFORM_ADMIN"))
                .isInstanceOfSatisfying(InvalidDeckException.class, e -> assertThat(e.problems())
                        .containsExactly(DeckProblem.of("deck.problem.id-taken", "taken-moment")));

        Map<String, byte[]> kitchen = new LinkedHashMap<>(TestDecks.kitchenSink());
        assertThatThrownBy(() -> asAdmin(() -> decks.install(TestDecks.zip(kitchen), DeckOrigin.TENANT_PACKAGE, null)))
                .isInstanceOfSatisfying(InvalidDeckException.class, e -> assertThat(e.problems())
                        .containsExactly(DeckProblem.of("deck.problem.id-taken", "kitchen-sink")));
    }
}
