package fi.arki.ui.decks;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.internal.TestDecks;
import fi.arki.directory.Role;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.ui.UiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The deck views without a browser: the settings form from typed settings, and what a facilitator is shown. */
@UiIntegrationTest
class DeckViewsTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired DeckManagement decks;
    @Autowired DeckCatalog catalog;
    @Autowired fi.arki.identity.AccountManagement accounts;
    AccountId account;

    TenantId tenant = TenantId.random();
    String deckId = "views-" + tenant.value().toString().substring(0, 8);

    @BeforeEach
    void tenantWithADeck() {
        tenants.create(tenant, "views-" + tenant.value().toString().substring(0, 8), "Lapin elinvoimakeskus");
        account = accounts.createLocal("views-" + tenant.value().toString().substring(0, 8), "Admin", "long-enough-password", false).id();
        signIn(Role.TENANT_ADMIN, Role.FACILITATOR);
        Map<String, byte[]> files = new LinkedHashMap<>(TestDecks.example());
        files.put("deck.yaml", new String(files.get("deck.yaml"), StandardCharsets.UTF_8)
                .replace("id: customer-moment", "id: " + deckId).getBytes(StandardCharsets.UTF_8));
        TenantContext.runAs(tenant, () -> decks.install(TestDecks.zip(files), DeckOrigin.TENANT_PACKAGE, null));
        UI.getCurrent().setLocale(Language.EN.locale());
    }

    void signIn(Role... roles) {
        ActingUser user = new ActingUser(account, "Admin", false, tenant, "Lapin elinvoimakeskus", List.of(roles));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roleNames().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_catalogue_lists_the_deck_enables_it_and_renders_its_settings_as_a_checked_form() {
        TenantContext.runAs(tenant, () -> {
            navigate(DeckCatalogueView.class);
            Section section = $(Section.class).id("deck-" + deckId);
            assertThat(section.getElement().getTextRecursively()).contains("Customer moment", "Arki documentation example",
                    "This organisation's own content deck", "CC0-1.0");
            test($(Button.class).id("enable-" + deckId)).click();
            assertThat($(Paragraph.class).id("enabled-" + deckId).getText()).isEqualTo("Offered to the facilitators of Lapin elinvoimakeskus.");
            assertThat(catalog.enabledForCurrentTenant()).extracting(d -> d.id()).contains(deckId);

            test($(Button.class).id("settings-" + deckId)).click();
            IntegerField budget = $(IntegerField.class).id("setting-vote-budget");
            assertThat(budget.getLabel()).isEqualTo("Votes per participant");
            assertThat(budget.getValue()).isEqualTo(3);
            budget.setValue(9); // the tester refuses values outside the field's limits; the server must refuse them too
            test($(Button.class).id("settings-save")).click();
            assertThat($(Div.class).id("settings-problems").getElement().getTextRecursively())
                    .isEqualTo("The value of vote-budget must be between 1 and 5.");
            budget.setValue(4);
            test($(Button.class).id("settings-save")).click();
            assertThat(catalog.settings(catalog.find(deckId, "1.0.0").orElseThrow()).integer("vote-budget")).isEqualTo(4);
        });
    }

    @Test
    void a_facilitator_sees_the_enabled_deck_its_cards_and_the_organisation_in_its_questions() {
        TenantContext.runAs(tenant, () -> {
            decks.enable(deckId, null);
            signIn(Role.FACILITATOR);
            navigate(DeckLibraryView.class);
            Section section = $(Section.class).id("library-deck-" + deckId);
            assertThat(section.getElement().getTextRecursively()).contains("Customer moment", "Source: Arki documentation example");
            Details card = $(Details.class).id("card-" + deckId + "-moment");
            assertThat(card.getSummaryText()).isEqualTo("This week's customer moment · 15 min · can run on its own");
            assertThat(card.getElement().getTextRecursively())
                    .contains("Question: What made the matter hard for the customer at Lapin elinvoimakeskus?")
                    .contains("Dot vote: Which of these do you want to tackle first?", "Votes each: 3")
                    .contains("Customer effort score (1–7)");
        });
    }
}
