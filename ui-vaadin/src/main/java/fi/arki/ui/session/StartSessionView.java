package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fi.arki.deck.Card;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Team;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionStartManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.session.StartableTeams;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Starting a session: the team (or several teams, for a session shared across units), a deck the
 * organisation has enabled, one card for a short slot (the default) or the whole deck, and the mode — which
 * cannot change once the session runs.
 */
@Route("sessions/new")
@RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
public class StartSessionView extends Main implements HasDynamicTitle {

    public StartSessionView(SessionStartManagement sessions, DirectoryManagement directory, TenantSettingsManagement settings,
                            fi.arki.session.StartWarningManagement warnings) {
        addClassName("arki-page");
        add(new H1(getTranslation("start.title")));
        Language language = LanguageSupport.current();
        var organisation = settings.current().organisationName(CurrentUser.require().tenantName());
        List<InstalledDeck> decks = sessions.enabledDecks();
        if (decks.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("start.no-decks"));
            none.setId("no-decks");
            add(none);
            return;
        }
        CheckboxGroup<Team> teams = new CheckboxGroup<>(getTranslation("start.teams"));
        teams.setId("start-teams");
        // only the teams this person may run a conversation for (the service refuses the others too)
        teams.setItems(StartableTeams.of(directory, CurrentPerson.require(directory)));
        teams.setItemLabelGenerator(Team::name);
        teams.setHelperText(getTranslation("start.teams.help"));
        Select<InstalledDeck> deck = new Select<>();
        deck.setLabel(getTranslation("start.deck"));
        deck.setId("start-deck");
        deck.setItems(decks);
        deck.setItemLabelGenerator(d -> d.texts().text(language, "deck.title", organisation));
        deck.setValue(decks.getFirst());
        RadioButtonGroup<String> scope = new RadioButtonGroup<>(getTranslation("start.scope"));
        scope.setId("start-scope");
        // one card is the thesis' slot in a team meeting; the whole deck is the exception
        scope.setItems("card", "deck");
        scope.setItemLabelGenerator(s -> getTranslation("start.scope." + s));
        scope.setValue("card");
        Select<Card> card = new Select<>();
        card.setLabel(getTranslation("start.card"));
        card.setId("start-card");
        card.setItemLabelGenerator(c -> deck.getValue().texts().text(language, "card." + c.id() + ".title", organisation)
                + " (" + getTranslation("start.minutes", c.minutes()) + ")");
        Runnable cards = () -> {
            List<Card> standalone = deck.getValue().manifest().cards().stream().filter(Card::standalone).toList();
            card.setItems(standalone);
            if (!standalone.isEmpty()) {
                card.setValue(standalone.getFirst());
            }
        };
        cards.run();
        deck.addValueChangeListener(e -> cards.run());
        scope.addValueChangeListener(e -> card.setVisible("card".equals(e.getValue())));
        RadioButtonGroup<SessionMode> mode = new RadioButtonGroup<>(getTranslation("start.mode"));
        mode.setId("start-mode");
        mode.setItems(SessionMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("start.mode." + m.code()));
        mode.setValue(SessionMode.ANONYMOUS);
        mode.setHelperText(getTranslation("start.mode.help"));
        TextField title = new TextField(getTranslation("start.session-title"));
        title.setId("start-title");
        title.setMaxLength(200);
        title.setHelperText(getTranslation("start.session-title.help"));
        Button start = new Button(getTranslation("start.submit"), e -> {
            if (teams.getValue().isEmpty()) {
                teams.setInvalid(true);
                teams.setErrorMessage(getTranslation("session.error.no-team"));
                return;
            }
            List<String> chosen = "card".equals(scope.getValue()) && card.getValue() != null ? List.of(card.getValue().id()) : List.of();
            try {
                SessionInfo info = sessions.start(new SessionStart(
                        teams.getValue().stream().map(Team::id).toList(), deck.getValue().id(), chosen, mode.getValue(), title.getValue()));
                getUI().ifPresent(ui -> ui.navigate("sessions/" + info.id() + "/facilitate"));
            } catch (fi.arki.shared.InvalidInputException ex) {
                // on the field it is about, where the facilitator is looking
                String key = ex.messageKey();
                if (key.startsWith("session.error.team") || key.equals("session.error.no-team")) {
                    teams.setErrorMessage(Feedback.message(this, ex));
                    teams.setInvalid(true);
                } else if (key.startsWith("error.name") || key.startsWith("error.text")) {
                    title.setErrorMessage(Feedback.message(this, ex));
                    title.setInvalid(true);
                } else {
                    Feedback.show(this, ex);
                }
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        start.setId("start-submit");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a team smaller than the anonymity threshold: say before the start what will not be shown (issue 11 item 5)
        Paragraph smallTeam = new Paragraph();
        smallTeam.setId("start-small-team");
        smallTeam.getElement().setAttribute("role", "status");
        smallTeam.setVisible(false);
        teams.addValueChangeListener(e -> {
            var warning = e.getValue().isEmpty() ? java.util.Optional.<fi.arki.session.SmallTeamWarning>empty()
                    : warnings.smallTeam(e.getValue().stream().map(Team::id).toList());
            warning.ifPresent(w -> smallTeam.setText(getTranslation(fi.arki.session.SmallTeamWarning.MESSAGE, w.members(), w.threshold())));
            smallTeam.setVisible(warning.isPresent());
        });
        Div form = new Div(teams, smallTeam, deck, scope, card, mode, title, start);
        form.addClassName("arki-form");
        add(form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("start.title") + " – " + getTranslation("app.name");
    }
}
