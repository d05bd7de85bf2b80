package fi.arki.session;

import fi.arki.deck.Card;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.session.internal.ActingPerson;
import fi.arki.session.internal.BusyPoolOnly;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.JoinCodes;
import fi.arki.session.internal.PinnedDecks;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantSettingsManagement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a session, for the tenant bound to the call: the decks one may start, the checks
 * (own teams, an enabled deck, cards that make a slot), the steps, the join code; and finding a
 * running session by its join code.
 */
@Service
@Transactional
public class SessionStartManagement {

    private final Sessions sessions;
    private final Changes changes;
    private final ObjectProvider<DeckCatalog> catalog;
    private final PinnedDecks decks;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final ApplicationEventPublisher events;
    private final ActingPerson acting;

    SessionStartManagement(Sessions sessions, Changes changes, ObjectProvider<DeckCatalog> catalog, PinnedDecks decks,
                  DirectoryManagement directory, TenantSettingsManagement settings, ApplicationEventPublisher events,
                  ActingPerson acting) {
        this.sessions = sessions;
        this.changes = changes;
        this.catalog = catalog;
        this.decks = decks;
        this.directory = directory;
        this.settings = settings;
        this.events = events;
        this.acting = acting;
    }

    /** The decks the current tenant may run (none until a deck registry is installed). */
    @Transactional(readOnly = true)
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public List<InstalledDeck> enabledDecks() {
        DeckCatalog registry = catalog.getIfAvailable();
        return registry == null ? List.of() : registry.enabledForCurrentTenant();
    }

    /** Starts a session led by the signed-in user (their person in the bound tenant). */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public SessionInfo start(SessionStart spec) {
        PersonId facilitator = acting.find().orElseThrow(() -> new InvalidInputException("session.error.not-facilitator"));
        return startLedBy(facilitator, spec);
    }

    /**
     * Starts a session led by a facilitator, as Arki itself (seeding, tests' set-up): no user may
     * name the lead, a user's start takes it from who is signed in ({@link #start}).
     */
    @DenyAll
    public SessionInfo startFor(PersonId facilitator, SessionStart spec) {
        return startLedBy(facilitator, spec);
    }

    private SessionInfo startLedBy(PersonId facilitator, SessionStart spec) {
        TenantId tenant = TenantContext.require();
        if (spec.teams().isEmpty()) {
            throw new InvalidInputException("session.error.no-team");
        }
        List<TeamId> teams = List.copyOf(new LinkedHashSet<>(spec.teams()));
        for (TeamId team : teams) {
            if (directory.findTeam(team).isEmpty()) {
                throw new InvalidInputException("session.error.team-not-found");
            }
        }
        // a facilitator runs sessions for their own teams only (what a team writes is the team's); see StartableTeams
        List<TeamId> startable = StartableTeams.of(directory, facilitator).stream().map(fi.arki.directory.Team::id).toList();
        if (!startable.containsAll(teams)) {
            throw new InvalidInputException("session.error.team-not-yours");
        }
        InstalledDeck deck = enabledDecks().stream().filter(d -> d.id().equals(spec.deckId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("session.error.deck-not-enabled"));
        List<Card> cards = chosenCards(deck, spec.cardIds());
        List<Sessions.StepRow> steps = new ArrayList<>();
        for (SlotSteps.Step step : SlotSteps.of(cards)) {
            steps.add(new Sessions.StepRow(steps.size(), step.card().id(), step.activity().id(), step.activity().kind()));
        }
        if (steps.isEmpty()) {
            throw new InvalidInputException("session.error.no-cards");
        }
        String title = spec.title() == null || spec.title().isBlank()
                // one rule for the stored default and for showing it in a reader's language (SessionTitles)
                ? SessionTitles.defaultTitle(deck, cards.stream().map(Card::id).toList(), settings.current().defaultLanguage())
                : Names.require(spec.title());
        SessionId id = SessionId.random();
        sessions.insert(tenant, id, deck.id(), deck.version(), title, spec.mode(), facilitator, teams, steps);
        OffsetDateTime expires = OffsetDateTime.now().plus(JoinCodes.LIFETIME);
        String code;
        do {
            code = JoinCodes.newCode();
        } while (!sessions.insertJoinCode(code, tenant, id, expires));
        decks.remember(deck);
        events.publishEvent(new SessionStarted(tenant, id, deck.id(), deck.version(), teams));
        changes.afterCommit(tenant, id, 0);
        return sessions.find(id).orElseThrow();
    }

    private static List<Card> chosenCards(InstalledDeck deck, List<String> cardIds) {
        if (cardIds.isEmpty()) {
            return deck.manifest().cards();
        }
        List<Card> cards = new ArrayList<>();
        for (String cardId : cardIds) {
            cards.add(deck.manifest().card(cardId).orElseThrow(() -> new InvalidInputException("session.error.card-not-found")));
        }
        if (cards.size() == 1 && !cards.getFirst().standalone() && deck.manifest().cards().size() > 1) {
            throw new InvalidInputException("session.error.card-not-standalone");
        }
        return cards;
    }

    /** Normalises what a person typed ("ab3 k7p", "ab3-k7p") into a code. */
    public static String normaliseCode(@Nullable String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Finds a running session by its join code; needs no tenant (the code tells the tenant). */
    @Transactional(readOnly = true)
    @AnonymousAllowed
    @Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
    public Optional<JoinTarget> resolve(String typed) {
        String code = normaliseCode(typed);
        if (!code.matches("[0-9A-Z]{6,12}")) {
            return Optional.empty();
        }
        return sessions.resolveJoinCode(code);
    }
}
