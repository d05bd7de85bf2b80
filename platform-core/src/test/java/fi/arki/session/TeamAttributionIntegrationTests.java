package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.Roles;
import fi.arki.deck.internal.TestDecks;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryExports;
import fi.arki.insight.SummaryManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deck's {@code attribute-to-teams} setting, through the real deck registry and a tenant's saved
 * value: with it on, a session co-owned by two teams of one unit offers its teams at joining (a
 * guest chooses; a member of exactly one of them gets it), stores the team with its unit, and its
 * summary and exports show answers under the team's name; a team that does not own the session is
 * refused, by the service and by the database. With it off, the unit's name is shown, and what
 * participants joined under earlier stays.
 */
@ArkiIntegrationTest
class TeamAttributionIntegrationTests {

    static final String DECK = "customer-moment";
    static final int WENT_WELL = 1;
    static final int PATH = 6;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired SummaryManagement summaries;
    @Autowired SummaryExports exports;

    TenantId tenant = TenantId.random();
    Unit unit;
    Team financing;
    Team advice;
    Team water;
    Person facilitator;
    Person onlyAdvice;
    Person inBoth;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "t-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            unit = directory.createUnit("Yrityspalvelut");
            financing = directory.createTeam(unit.id(), "Rahoitustiimi");
            advice = directory.createTeam(unit.id(), "Neuvontatiimi");
            water = directory.createTeam(unit.id(), "Vesitiimi");
            facilitator = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(facilitator.id(), Role.TENANT_ADMIN);
            directory.addToTeam(financing.id(), facilitator.id(), true);
            onlyAdvice = directory.addPerson("Olli Osallistuja", null, null);
            directory.addToTeam(advice.id(), onlyAdvice.id(), false);
            inBoth = directory.addPerson("Erik Ek", null, null);
            directory.addToTeam(financing.id(), inBoth.id(), false);
            directory.addToTeam(advice.id(), inBoth.id(), false);
        });
        Map<String, byte[]> files = TestDecks.example();
        // the documentation's example deck, with the setting and a journey map
        edit(files, "deck.yaml", "settings:\n", "settings:\n  - { key: attribute-to-teams, type: boolean, default: false }\n");
        edit(files, "deck.yaml", "      - { id: ease, kind: rate, scale: ces }\n", "      - { id: ease, kind: rate, scale: ces }\n"
                + "      - { id: path, kind: journey-map, stages: [pre, core, post], owners: [own, partner, customer, digital] }\n");
        for (String language : List.of("fi", "sv", "en")) {
            edit(files, "messages_" + language + ".properties", "setting.vote-budget=",
                    "setting.attribute-to-teams=Show answers by team\nsetting.attribute-to-teams.help=Teams, not units.\n"
                            + "card.moment.path=Map the customer's path\nsetting.vote-budget=");
        }
        asAdmin(() -> {
            decks.install(TestDecks.zip(files), DeckOrigin.TENANT_PACKAGE, null);
            decks.enable(DECK, null);
        });
    }

    @Test
    void with_the_setting_on_joiners_speak_for_one_of_the_sessions_teams_and_the_summary_shows_the_teams_names() {
        setting(true);
        SessionInfo info = start();

        JoinInfo join = as(() -> joins.joinInfo(info));
        assertThat(join.byTeam()).isTrue();
        assertThat(join.teams()).containsExactly(financing.id(), advice.id());
        assertThat(join.teamNames()).containsOnly(Map.entry(financing.id(), "Rahoitustiimi"), Map.entry(advice.id(), "Neuvontatiimi"));

        refused(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)), "session.error.team-required");
        refused(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI).withTeam(water.id())),
                "session.error.team-not-in-session");
        refused(() -> joins.join(info.id(), Joiner.member(inBoth.id(), "Erik Ek", Language.SV)), "session.error.team-required");

        Joined first = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI).withTeam(financing.id())));
        Joined second = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.SV).withTeam(advice.id())));
        Joined olli = as(() -> joins.join(info.id(), Joiner.member(onlyAdvice.id(), "Olli Osallistuja", Language.FI)));
        Joined erik = as(() -> joins.join(info.id(), Joiner.member(inBoth.id(), "Erik Ek", Language.SV).withTeam(financing.id())));

        assertThat(participantRows(info)).containsExactlyInAnyOrder(
                row(first.participant().value(), unit.id().value(), financing.id().value()),
                row(second.participant().value(), unit.id().value(), advice.id().value()),
                row(olli.participant().value(), unit.id().value(), advice.id().value()),
                row(erik.participant().value(), unit.id().value(), financing.id().value()));
        assertThat(as(() -> sessions.state(info.id())).participants()).extracting(LiveState.Participant::team)
                .containsExactlyInAnyOrder(financing.id(), advice.id(), advice.id(), financing.id());

        write(info, first, "Rahoitus kuulee yrittäjää");
        write(info, second, "Neuvonta soittaa takaisin");
        write(info, olli, "Olli kirjoitti tämän");
        as(() -> participants.addTouchpoint(info.id(), second.participant(), PATH, UUID.randomUUID(), fi.arki.deck.Activity.JourneyStage.PRE,
                fi.arki.deck.Activity.TouchpointOwner.OWN, "Neuvonnan puhelu", 4, 2));
        close(info);

        Summary summary = as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI));
        assertThat(summary.byTeam()).isTrue();
        assertThat(answerRows(summary)).containsExactlyInAnyOrder(
                Map.entry("Rahoitus kuulee yrittäjää", "Rahoitustiimi"),
                Map.entry("Neuvonta soittaa takaisin", "Neuvontatiimi"),
                Map.entry("Olli kirjoitti tämän", "Neuvontatiimi"));
        assertThat(summary.sections()).filteredOn(s -> s.kind().equals("journey-map")).flatExtracting(Summary.Section::rows)
                .singleElement().satisfies(r -> {
                    assertThat(r.text()).startsWith("Neuvonnan puhelu");
                    assertThat(r.unit()).isEqualTo("Neuvontatiimi");
                });
        assertThat(summary.sections()).flatExtracting(Summary.Section::rows).extracting(Summary.Row::author).containsOnlyNulls();

        String csv = new String(exports.csv(summary), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("Tiimi").doesNotContain("Vastuualue");
        assertThat(csv).contains("Rahoitustiimi", "Neuvontatiimi").doesNotContain("Yrityspalvelut")
                .doesNotContain("Olli Osallistuja").doesNotContain("Erik Ek");
        assertThat(new String(exports.markdown(summary), StandardCharsets.UTF_8)).contains("Rahoitustiimi", "Neuvontatiimi")
                .doesNotContain("Olli Osallistuja");

        // turned off later: those who joined under a team stay under it
        setting(false);
        assertThat(answerRows(as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI))))
                .contains(Map.entry("Rahoitus kuulee yrittäjää", "Rahoitustiimi"));
    }

    @Test
    void with_the_setting_off_the_units_name_is_shown_and_no_team_is_stored() {
        SessionInfo info = start();

        JoinInfo join = as(() -> joins.joinInfo(info));
        assertThat(join.byTeam()).isFalse();
        assertThat(join.teams()).isEmpty();

        Joined guest = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)));
        // a join page read while the setting was on still attributes the unit rightly, but no team
        Joined chose = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI).withTeam(advice.id())));
        refused(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI).withTeam(water.id())),
                "session.error.team-not-in-session");
        assertThat(participantRows(info)).containsExactlyInAnyOrder(
                row(guest.participant().value(), unit.id().value(), null),
                row(chose.participant().value(), unit.id().value(), null));

        write(info, guest, "Yksikkö kuulee yrittäjää");
        close(info);
        Summary summary = as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI));
        assertThat(summary.byTeam()).isFalse();
        assertThat(answerRows(summary)).containsExactly(Map.entry("Yksikkö kuulee yrittäjää", "Yrityspalvelut"));
        assertThat(new String(exports.csv(summary), StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .contains("Vastuualue").doesNotContain("Tiimi");
    }

    @Test
    void the_database_refuses_a_team_that_does_not_own_the_session() throws SQLException {
        setting(true);
        SessionInfo info = start();
        Joined guest = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI).withTeam(advice.id())));
        try (Connection c = TestDatabase.superuser().getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update participant set team_id = '" + water.id().value()
                    + "' where id = '" + guest.participant().value() + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("participant_session_team_fkey");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    SessionInfo start() {
        return as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(financing.id(), advice.id()), DECK, List.of("moment"),
                SessionMode.ANONYMOUS, null)));
    }

    void setting(boolean on) {
        asAdmin(() -> decks.saveSettings(DECK, Map.of("attribute-to-teams", Boolean.toString(on))));
    }

    void write(SessionInfo info, Joined who, String text) {
        as(() -> participants.writeAnswer(info.id(), who.participant(), WENT_WELL, UUID.randomUUID(), null, text));
    }

    void close(SessionInfo info) {
        as(() -> {
            facilitation.close(info.id());
            return null;
        });
    }

    /** Each answer's text and the name it is shown under. */
    static List<Map.Entry<String, String>> answerRows(Summary summary) {
        return summary.sections().stream().filter(s -> s.kind().equals("prompt")).flatMap(s -> s.rows().stream())
                .map(r -> Map.entry(r.text(), String.valueOf(r.unit()))).toList();
    }

    /** id, unit_id and team_id of the session's participants, as stored. */
    static List<List<Object>> participantRows(SessionInfo info) {
        try (Connection c = TestDatabase.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select id, unit_id, team_id from participant where session_id = '"
                     + info.id().value() + "'")) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(java.util.Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    void refused(ScopedValue.CallableOp<?, RuntimeException> op, String key) {
        assertThatThrownBy(() -> as(op)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    void asAdmin(Runnable action) {
        TenantContext.runAs(tenant, () -> Roles.as(action, "TENANT_ADMIN"));
    }

    static void edit(Map<String, byte[]> files, String file, String find, String replacement) {
        String text = new String(files.get(file), StandardCharsets.UTF_8);
        assertThat(text).as(file).contains(find);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replacement))
                .getBytes(StandardCharsets.UTF_8));
    }
}
