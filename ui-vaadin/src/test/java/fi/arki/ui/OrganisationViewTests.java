package fi.arki.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Unit;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.views.OrganisationView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@UiIntegrationTest
class OrganisationViewTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;

    TenantId mine = TenantId.random();
    TenantId other = TenantId.random();

    @BeforeEach
    void organisations() {
        tenants.create(mine, "mine-" + mine.value().toString().substring(0, 8), "Lapin elinvoimakeskus");
        tenants.create(other, "other-" + other.value().toString().substring(0, 8), "Other organisation");
        TenantContext.runAs(mine, () -> {
            Unit unit = directory.createUnit("Ympäristö");
            directory.createTeam(unit.id(), "Vesitalous");
            directory.createTeam(unit.id(), "Luonnonsuojelu");
            directory.createUnit("Elinvoima");
        });
        TenantContext.runAs(other, () -> directory.createTeam(directory.createUnit("Secret unit").id(), "Secret team"));
        ActingUser user = new ActingUser(AccountId.random(), "Tester", false, mine, "Lapin elinvoimakeskus", List.of());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shows_the_tenants_units_with_their_teams_and_nothing_of_other_tenants() {
        UI.getCurrent().setLocale(Language.FI.locale());
        TenantContext.runAs(mine, () -> navigate(OrganisationView.class));

        assertThat($(H1.class).single().getText()).isEqualTo("Lapin elinvoimakeskus");
        assertThat($(H2.class).all()).extracting(H2::getText).containsExactly("Elinvoima", "Ympäristö");
        assertThat($(ListItem.class).all()).extracting(ListItem::getText).containsExactly("Luonnonsuojelu", "Vesitalous");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Vastuualueita 2, tiimejä 2", "Vastuualueella ei ole vielä tiimejä.")
                .noneMatch(t -> t.contains("Secret"));
    }

    @Test
    void an_empty_organisation_says_so() {
        TenantId empty = TenantId.random();
        Actors.asSystem(() -> tenants.create(empty, "empty-" + empty.value().toString().substring(0, 8), "Empty"));
        UI.getCurrent().setLocale(Language.FI.locale());
        TenantContext.runAs(empty, () -> navigate(OrganisationView.class));
        assertThat($(Paragraph.class).id("organisation-empty").getText()).isEqualTo("Organisaatiolla ei ole vielä vastuualueita.");
    }
}
