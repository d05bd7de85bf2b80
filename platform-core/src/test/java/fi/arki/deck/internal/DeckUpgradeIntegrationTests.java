package fi.arki.deck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckIntegrationTest;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckVersionInstalled;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.Roles;
import fi.arki.deck.spi.DeckProvider;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A code deck released with new content under a raised version (as juuti, servicepath and
 * sharedcustomers went from 1.0.0 to 1.1.0 with their dimension labels): the registry stores the
 * new version beside the old, a running session keeps the version it pinned, new sessions get the
 * new one, and the tenant's enablement carries over.
 */
@DeckIntegrationTest
@RecordApplicationEvents
class DeckUpgradeIntegrationTests {

    @Autowired DeckRegistry registry;
    @Autowired DeckReader reader;
    @Autowired PlatformDecks platformDecks;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired ApplicationEvents events;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired DeckCatalog catalog;
    @Autowired SessionManagement sessions;

    @Autowired fi.arki.session.SessionStartManagement starts;
    final TenantId tenant = TenantId.random();

    /** A start-up of the platform whose only code deck is the upgrading deck of this version. */
    void startUpWith(String version) {
        DeckProvider provider = new DeckProvider() {
            public String id() {
                return "upgrading";
            }

            public String contentLocation() {
                return "decks/upgrading-" + version;
            }
        };
        new DeckRegistry(new StaticListableBeanFactory(Map.of("upgrading", provider)).getBeanProvider(DeckProvider.class),
                reader, platformDecks, transactions, publisher).run(null);
        List<PlatformDecks.Failure> failures = new TransactionTemplate(transactions).execute(s -> platformDecks.failures());
        assertThat(failures).as("decks that failed at start-up").isEmpty();
    }

    @BeforeEach
    void asArkiItself() {
        Actors.signOut(); // set-up and start-ups run as the system; nothing here is about access rules
    }

    @AfterEach
    void theUsualStartUp() {
        registry.run(null); // puts back the failures of the test decks the other tests expect
    }

    @Test
    void a_running_session_keeps_its_version_while_new_sessions_get_the_new_one() {
        startUpWith("1.0.0");
        tenants.create(tenant, "upg-" + tenant.value().toString().substring(0, 8), "Upgrade tenant");
        TenantContext.runAs(tenant, () -> Roles.as(() -> decks.enable("upgrading", null), "TENANT_ADMIN"));
        Team team = TenantContext.callAs(tenant, () -> directory.createTeam(directory.createUnit("Unit").id(), "Team"));
        Person facilitator = TenantContext.callAs(tenant, () -> {
            Person p = directory.addPerson("Fanni", null, null);
            directory.grantRole(p.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(p.id(), Role.TENANT_ADMIN);
            return p;
        });
        SessionStart spec = new SessionStart(List.of(team.id()), "upgrading", List.of(), SessionMode.ANONYMOUS, null);
        SessionInfo running = TenantContext.callAs(tenant, () -> starts.startFor(facilitator.id(), spec));
        assertThat(running.deckVersion()).isEqualTo("1.0.0");

        startUpWith("1.1.0");

        assertThat(events.stream(DeckVersionInstalled.class))
                .contains(new DeckVersionInstalled(null, "upgrading", "1.1.0", DeckOrigin.CODE, true));
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant)).as("still enabled, now in its new version")
                .filteredOn(d -> d.id().equals("upgrading")).extracting(InstalledDeck::version).containsExactly("1.1.0");

        InstalledDeck pinned = TenantContext.callAs(tenant, () -> sessions.deckOf(sessions.find(running.id()).orElseThrow()));
        assertThat(pinned.version()).isEqualTo("1.0.0");
        assertThat(pinned.texts().text(Language.SV, "card.talk.q")).isEqualTo("Question 1.0.0 (sv)");
        assertThat(TenantContext.callAs(tenant, () -> sessions.state(running.id())).session().deckVersion()).isEqualTo("1.0.0");

        SessionInfo next = TenantContext.callAs(tenant, () -> starts.startFor(facilitator.id(), spec));
        assertThat(next.deckVersion()).isEqualTo("1.1.0");
        InstalledDeck upgraded = TenantContext.callAs(tenant, () -> sessions.deckOf(next));
        assertThat(upgraded.texts().text(Language.SV, "card.talk.q")).isEqualTo("Better question 1.1.0 (sv)");
        assertThat(upgraded.texts().find(Language.SV, "dimension.talk")).contains("Talk 1.1.0 (sv)");

        startUpWith("1.0.0"); // an older node still starting with the old version stores nothing and refuses nothing
        assertThat(TenantContext.callAs(tenant, catalog::enabledForCurrentTenant))
                .filteredOn(d -> d.id().equals("upgrading")).extracting(InstalledDeck::version).containsExactly("1.1.0");
    }
}
