package fi.arki;

import fi.arki.audit.AuditEvent;
import fi.arki.audit.AuditManagement;
import fi.arki.deck.Activity;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.internal.TestDecks;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetId;
import fi.arki.identity.AccountManagement;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.Lane;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A tenant seeded through the services with one of everything a tenant owns: settings, units,
 * teams, people with roles and a local account, a Keycloak organization, its own deck (enabled,
 * with settings), a closed session with answers, a group, votes, ratings, a pulse, a touchpoint
 * and a development target (and an idea escalated from an answer, answered), and a running session in which the target was reviewed — and the
 * audit entries all that leaves. Every text it writes contains its {@link #marker}, and every id
 * it made is in {@link #ids}, so that a leak of any of it into another tenant's results is found
 * by looking for the marker and the ids.
 */
final class CrossTenantSeed {

    final String marker;
    final TenantId tenant;
    final Set<String> ids = new LinkedHashSet<>();

    Unit unit;
    Unit otherUnit;
    Team team;
    Team otherTeam;
    Person admin;
    AccountId adminAccount;
    String adminUsername;
    Person facilitator;
    Person member;
    AccountId memberAccount;
    String memberUsername;
    String organization;
    String deckId;
    SessionInfo closed;
    SessionInfo running;
    Joined memberJoined;
    Joined guestJoined;
    Joined runningJoined;
    UUID answer;
    UUID group;
    UUID touchpoint;
    TargetId target;
    IdeaId idea;

    private CrossTenantSeed(String marker) {
        this.marker = marker;
        this.tenant = TenantId.random();
    }

    String text(String what) {
        return marker + " " + what;
    }

    /** A tenant with everything, its texts marked with {@code marker}. */
    static CrossTenantSeed rich(ApplicationContext context, String marker) {
        CrossTenantSeed s = new CrossTenantSeed(marker);
        s.seed(context, true);
        return s;
    }

    /** A tenant with people, a team and a deck, for the calls that need a caller of its own. */
    static CrossTenantSeed plain(ApplicationContext context, String marker) {
        CrossTenantSeed s = new CrossTenantSeed(marker);
        s.seed(context, false);
        return s;
    }

    private void seed(ApplicationContext context, boolean rich) {
        TenantManagement tenants = context.getBean(TenantManagement.class);
        DirectoryManagement directory = context.getBean(DirectoryManagement.class);
        AccountManagement accounts = context.getBean(AccountManagement.class);
        TenantSettingsManagement settings = context.getBean(TenantSettingsManagement.class);
        DeckManagement decks = context.getBean(DeckManagement.class);
        SessionManagement sessions = context.getBean(SessionManagement.class);
        fi.arki.session.SessionStartManagement starts = context.getBean(fi.arki.session.SessionStartManagement.class);
        fi.arki.session.FacilitationManagement facilitation = context.getBean(fi.arki.session.FacilitationManagement.class);
        ParticipantManagement participants = context.getBean(ParticipantManagement.class);
        fi.arki.session.JoinManagement joins = context.getBean(fi.arki.session.JoinManagement.class);
        AuditManagement audit = context.getBean(AuditManagement.class);

        Actors.signOut();
        tenants.create(tenant, marker + "-org", text("Tenant"));
        ids.add(tenant.toString());
        organization = marker + "-keycloak-org";
        tenants.linkOrganization(tenant, organization);
        TenantContext.runAs(tenant, () -> {
            settings.update(new TenantSettings(List.of(Language.FI, Language.SV), Language.FI, true, 3, 365,
                    marker + "-inessive", marker + "-elative"));
            unit = directory.createUnit(text("Unit"));
            otherUnit = directory.createUnit(text("Other unit"));
            team = directory.createTeam(unit.id(), text("Team"));
            otherTeam = directory.createTeam(otherUnit.id(), text("Other team"));
            adminUsername = marker + "-admin";
            admin = accounts.createLocalMember(adminUsername, text("Admin"), marker + "-admin@example.org", "first-password-1",
                    Set.of(Role.TENANT_ADMIN, Role.FACILITATOR, Role.MEMBER));
            adminAccount = admin.account();
            facilitator = directory.addPerson(text("Facilitator"), marker + "-fanni@example.org", null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
            // the closed session is shared with otherTeam: its facilitator belongs to both (StartableTeams)
            directory.addToTeam(otherTeam.id(), facilitator.id(), false);
            memberUsername = marker + "-member";
            member = accounts.createLocalMember(memberUsername, text("Member"), marker + "-olli@example.org", "first-password-1",
                    Set.of(Role.MEMBER));
            memberAccount = member.account();
            directory.addToTeam(team.id(), member.id(), false);
            directory.addToTeam(otherTeam.id(), member.id(), false);
        });
        List.of(unit.id().value(), otherUnit.id().value(), team.id().value(), otherTeam.id().value(), admin.id().value(),
                adminAccount.value(), facilitator.id().value(), member.id().value(), memberAccount.value())
                .forEach(id -> ids.add(id.toString()));

        deckId = marker + "-deck";
        Actors.signIn(tenant, text("Tenant"), Role.TENANT_ADMIN);
        try {
            TenantContext.runAs(tenant, () -> {
                decks.install(deckZip(), DeckOrigin.TENANT_PACKAGE, adminAccount);
                decks.enable(deckId, adminAccount);
                decks.saveSettings(deckId, Map.of("vote-budget", "4"));
            });
        } finally {
            Actors.signOut();
        }
        if (!rich) {
            return;
        }

        TenantContext.runAs(tenant, () -> {
            closed = starts.startFor(facilitator.id(), new SessionStart(List.of(team.id(), otherTeam.id()), deckId, List.of(),
                    SessionMode.NAMED, text("Closed session")));
            memberJoined = joins.join(closed.id(), Joiner.member(member.id(), text("Member in session"), Language.FI));
            guestJoined = joins.join(closed.id(), Joiner.guest(text("Guest"), unit.id(), Language.SV));
            answer = UUID.randomUUID();
            participants.writeAnswer(closed.id(), memberJoined.participant(), 1, answer, null, text("Answer"));
            participants.writeAnswer(closed.id(), guestJoined.participant(), 1, UUID.randomUUID(), null, text("Guest answer"));
            group = UUID.randomUUID();
            facilitation.saveGroup(closed.id(), 2, group, text("Group"));
            facilitation.assign(closed.id(), 2, answer, group);
            participants.setDots(closed.id(), memberJoined.participant(), 3, group, 2);
            participants.rate(closed.id(), memberJoined.participant(), 4, 4);
            participants.rate(closed.id(), guestJoined.participant(), 6, 3);
            touchpoint = UUID.randomUUID();
            participants.addTouchpoint(closed.id(), memberJoined.participant(), 8, touchpoint, Activity.JourneyStage.PRE,
                    Activity.TouchpointOwner.OWN, text("Touchpoint"), 3, 4);
            facilitation.markTouchpoint(closed.id(), 8, touchpoint, "peak", true);
            target = TargetId.random();
            facilitation.commitTarget(closed.id(), 5, target, text("Target"), member.id(), null,
                    LocalDate.now().plusMonths(1), marker + "-dim");
            facilitation.close(closed.id());
            IdeaManagement ideas = context.getBean(IdeaManagement.class);
            idea = IdeaId.random();
            ideas.escalate(member.id(), new IdeaDraft(idea, team.id(), closed.id().value(), answer, text("Idea")));
            ideas.respond(idea, IdeaStatus.CONSIDERING, text("Idea response"));

            running = starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), deckId, List.of(),
                    SessionMode.ANONYMOUS, text("Running session")));
            runningJoined = joins.join(running.id(), Joiner.member(member.id(), text("Member again"), Language.EN));
            participants.writeAnswer(running.id(), runningJoined.participant(), 1, UUID.randomUUID(), Lane.START, text("Later answer"));
            facilitation.reviewTarget(running.id(), target, ReviewOutcome.IN_PROGRESS, text("Review note"));
            running = sessions.find(running.id()).orElseThrow();
            closed = sessions.find(closed.id()).orElseThrow();
            audit.record(AuditEvent.of("test.seeded", "tenant", tenant).with("note", text("Audit note")));
        });
        List.of(closed.id().value(), running.id().value(), memberJoined.participant().value(), guestJoined.participant().value(),
                runningJoined.participant().value(), answer, group, touchpoint, target.value(), idea.value())
                .forEach(id -> ids.add(id.toString()));
        ids.add(running.joinCode());
    }

    /** The tenant's own deck: every text marked, a dimension, a journey map and a review card. */
    byte[] deckZip() {
        return TestDecks.zip(deckFiles(deckId, marker));
    }

    /** A deck's files with this id and every text marked with {@code marker}. */
    static Map<String, byte[]> deckFiles(String deckId, String marker) {
        String yaml = """
                id: %s
                version: 1.0.0
                platform: ">=0.1.0 <1.0.0"
                locales: [fi, sv, en]
                provenance: { source: "%s source 2026" }
                license: CC0-1.0
                settings:
                  - { key: vote-budget, type: integer, default: 3, min: 1, max: 10 }
                cards:
                  - id: talk
                    minutes: 15
                    standalone: true
                    dimension: %s-dim
                    activities:
                      - { id: intro, kind: intro }
                      - { id: q, kind: prompt }
                      - { id: groups, kind: group, of: q }
                      - { id: dots, kind: vote, of: groups, budget: 3 }
                      - { id: mood, kind: rate, scale: scale-1-5 }
                      - { id: targets, kind: commit-targets, max: 2 }
                      - { id: pulse, kind: pulse, scale: smileys }
                  - id: path
                    minutes: 15
                    standalone: true
                    activities:
                      - { id: intro, kind: intro }
                      - { id: map, kind: journey-map, stages: [pre, core, post], owners: [own, partner, customer, digital] }
                      - { id: review, kind: review-targets }
                """.formatted(deckId, marker, marker);
        List<String> keys = List.of("deck.title", "deck.description", "dimension." + marker + "-dim", "setting.vote-budget",
                "card.talk.title", "card.talk.intro", "card.talk.intro.source", "card.talk.q", "card.talk.groups", "card.talk.dots",
                "card.talk.mood", "card.talk.targets", "card.talk.pulse", "card.path.title", "card.path.intro",
                "card.path.intro.source", "card.path.map", "card.path.review");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("deck.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        for (String language : List.of("fi", "sv", "en")) {
            StringBuilder texts = new StringBuilder();
            keys.forEach(key -> texts.append(key).append('=').append(marker).append(' ').append(key).append(" (").append(language).append(")\n"));
            files.put("messages_" + language + ".properties", texts.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
