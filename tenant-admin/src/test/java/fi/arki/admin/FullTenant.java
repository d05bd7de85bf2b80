package fi.arki.admin;

import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.internal.TestDecks;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.SessionRuns.Organisation;
import fi.arki.testing.SessionRuns.Run;
import fi.arki.testing.SessionRuns;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A tenant with something in every table a tenant can have: units, teams, people (two with
 * accounts: one only here, one also in another tenant), roles, team memberships, settings, its own
 * deck package (with a picture) enabled and set, a Keycloak organization, and sessions — named and
 * anonymous, closed and running — with answers, groups, votes, ratings, a journey map, targets and
 * reviews, ideas escalated to the pipeline (one from an answer, answered; one of the team's own),
 * every text carrying {@code marker}; its deck attributes answers to teams, so every participant
 * has a team.
 */
record FullTenant(Tenant tenant, Tenant other, Account onlyHere, Account alsoElsewhere, Organisation org,
                  Run named, Run anonymous, Run running, String marker) {

    static FullTenant seed(ApplicationContext context) {
        TenantManagement tenants = context.getBean(TenantManagement.class);
        AccountManagement accounts = context.getBean(AccountManagement.class);
        DirectoryManagement directory = context.getBean(DirectoryManagement.class);
        TenantSettingsManagement settings = context.getBean(TenantSettingsManagement.class);
        DeckManagement decks = context.getBean(DeckManagement.class);
        String n = UUID.randomUUID().toString().substring(0, 8);
        String marker = "MARKER-" + n;
        return Actors.asSystem(() -> {
            Tenant tenant = tenants.create(TenantId.random(), "full-" + n, "Täysi elinvoimakeskus " + n);
            Tenant other = tenants.create(TenantId.random(), "other-" + n, "Toinen elinvoimakeskus " + n);
            Account onlyHere = accounts.createLocal("aino-" + n, "Aino Ainoa", "salasana-1", false);
            Account alsoElsewhere = accounts.createLocal("kaisa-" + n, "Kaisa Kaksoisjäsen", "salasana-1", false);
            SessionRuns runs = new SessionRuns(context);
            Organisation org = runs.organisation(tenant.id());
            TenantContext.runAs(tenant.id(), () -> {
                Person aino = directory.addPerson("Aino Ainoa", "aino@example.fi", onlyHere.id());
                directory.grantRole(aino.id(), Role.TENANT_ADMIN);
                directory.grantRole(aino.id(), Role.FACILITATOR);
                directory.addToTeam(org.team().id(), aino.id(), false);
                Person kaisa = directory.addPerson("Kaisa Kaksoisjäsen", null, alsoElsewhere.id());
                directory.grantRole(kaisa.id(), Role.MEMBER);
                directory.addToTeam(directory.createTeam(org.unit().id(), "Vesitalous").id(), kaisa.id(), true);
                directory.createUnit("Ympäristö");
                settings.update(new TenantSettings(List.of(Language.FI, Language.SV), Language.FI, true, 3, 365,
                        "Täydessä elinvoimakeskuksessa", "Täydestä elinvoimakeskuksesta"));
            });
            TenantContext.runAs(tenant.id(), () -> {
                // the deck module checks its administrators' roles itself
                Actors.signIn(tenant.id(), tenant.name(), Role.TENANT_ADMIN);
                try {
                    decks.install(TestDecks.zip(TestDecks.example()), DeckOrigin.TENANT_PACKAGE, onlyHere.id());
                    decks.enable("customer-moment", onlyHere.id());
                    decks.saveSettings("customer-moment", Map.of("vote-budget", "4"));
                } finally {
                    Actors.signOut();
                }
            });
            TenantContext.runAs(other.id(), () -> directory.addPerson("Kaisa K.", null, alsoElsewhere.id()));
            tenants.linkOrganization(tenant.id(), "org-" + n);
            // answers by team, so that participants carry the team they spoke for through export, restore and merge
            TestDeckCatalog.attributeToTeams(tenant.id());
            Run named = runs.run(org, SessionMode.NAMED, marker, null, true);
            Run anonymous = runs.run(org, SessionMode.ANONYMOUS, marker, named.openTarget(), true);
            Run running = runs.run(org, SessionMode.NAMED, marker, null, false);
            TenantContext.runAs(tenant.id(), () -> {
                IdeaManagement ideas = context.getBean(IdeaManagement.class);
                SessionManagement sessions = context.getBean(SessionManagement.class);
                UUID answer = sessions.state(named.id()).answers(SessionRuns.PROMPT).getFirst().id();
                IdeaId fromAnswer = IdeaId.random();
                ideas.escalate(org.member().id(), new IdeaDraft(fromAnswer, org.team().id(), named.id().value(), answer,
                        marker + " idea from an answer"));
                ideas.respond(fromAnswer, IdeaStatus.CONSIDERING, marker + " the organisation's answer");
                ideas.escalate(org.member().id(), new IdeaDraft(IdeaId.random(), org.team().id(), null, null, marker + " own idea"));
            });
            return new FullTenant(tenant, other, onlyHere, alsoElsewhere, org, named, anonymous, running, marker);
        });
    }
}
