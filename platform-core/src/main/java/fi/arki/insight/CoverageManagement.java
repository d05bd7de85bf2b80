package fi.arki.insight;

import fi.arki.deck.Activity;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.RatingScale;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.TargetStatus;
import fi.arki.insight.Coverage.Figure;
import fi.arki.insight.Coverage.MonthCount;
import fi.arki.insight.Coverage.RatingLine;
import fi.arki.insight.Coverage.TargetLine;
import fi.arki.insight.Coverage.TeamLine;
import fi.arki.insight.Coverage.UnitLine;
import fi.arki.session.RatingCount;
import fi.arki.session.SessionId;
import fi.arki.session.SessionRecord;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionStatus;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.tenancy.TenantSettingsManagement;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rollout coverage of the current tenant for customer-experience leads and management (see
 * {@link Coverage}): counts of sessions and targets per team, and ratings pooled only over sessions
 * where enough people answered. Nothing anyone wrote in a session, except the titles of the
 * development targets their team committed to, leaves the team this way.
 */
@Service
@Transactional(readOnly = true)
public class CoverageManagement {

    /** Months, due dates and "overdue" are counted in Finnish time, where Arki's tenants are. */
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private final SessionManagement sessions;
    private final DirectoryManagement directory;
    private final FollowupManagement followup;
    private final TenantSettingsManagement settings;
    private final ObjectProvider<DeckCatalog> catalog;
    private final Clock clock;

    CoverageManagement(SessionManagement sessions, DirectoryManagement directory, FollowupManagement followup,
                       TenantSettingsManagement settings, ObjectProvider<DeckCatalog> catalog) {
        this.sessions = sessions;
        this.directory = directory;
        this.followup = followup;
        this.settings = settings;
        this.catalog = catalog;
        this.clock = Clock.systemUTC();
    }

    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public Coverage coverage(Instant since, Language language, OrganisationName organisation) {
        int threshold = settings.current().anonymityThreshold();
        Organisation org = directory.organisation();
        List<SessionRecord> records = sessions.recordsSince(since);
        Map<SessionId, SessionRecord> byId = records.stream().collect(Collectors.toMap(SessionRecord::id, Function.identity()));
        Map<TeamId, UnitId> unitOf = new HashMap<>();
        Map<TeamId, String> teamNames = new HashMap<>();
        org.units().forEach(u -> u.teams().forEach(t -> {
            unitOf.put(t.id(), u.unit().id());
            teamNames.put(t.id(), t.name());
        }));
        Decks decks = new Decks(language, organisation);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));

        List<TargetLine> targets = new ArrayList<>();
        List<UnitLine> units = new ArrayList<>();
        for (Organisation.UnitWithTeams unit : org.units()) {
            List<TeamLine> teams = new ArrayList<>();
            for (Team team : unit.teams()) {
                List<SessionRecord> held = records.stream().filter(r -> r.teams().contains(team.id())).toList();
                List<DevelopmentTarget> committed = followup.targetsOf(team.id()).stream()
                        .filter(t -> !t.createdAt().isBefore(since)).toList();
                committed.forEach(t -> targets.add(new TargetLine(t.title(), team.id(), team.name(), t.due(), t.status(),
                        overdue(t, today), t.dimension())));
                teams.add(new TeamLine(team.id(), team.name(), held.size(),
                        held.stream().map(SessionRecord::createdAt).max(Comparator.naturalOrder()).orElse(null),
                        held.stream().map(r -> decks.title(r.deckId(), r.deckVersion())).distinct().sorted().toList(),
                        count(committed, TargetStatus.OPEN), count(committed, TargetStatus.DONE),
                        (int) committed.stream().filter(t -> overdue(t, today)).count(),
                        FollowThrough.of(committed, today, threshold)));
            }
            units.add(new UnitLine(unit.unit().id(), unit.unit().name(), teams));
        }
        targets.sort(Comparator.comparing(TargetLine::due).thenComparing(TargetLine::teamName).thenComparing(TargetLine::title));
        return new Coverage(since, threshold, units, months(records, since), ratings(since, byId, unitOf, threshold, decks), targets);
    }

    private static boolean overdue(DevelopmentTarget target, LocalDate today) {
        return target.status() == TargetStatus.OPEN && target.due().isBefore(today);
    }

    private static int count(List<DevelopmentTarget> targets, TargetStatus status) {
        return (int) targets.stream().filter(t -> t.status() == status).count();
    }

    private List<MonthCount> months(List<SessionRecord> records, Instant since) {
        Map<YearMonth, Integer> counts = new TreeMap<>();
        YearMonth first = YearMonth.from(since.atZone(ZONE));
        YearMonth last = YearMonth.from(clock.instant().atZone(ZONE));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, 0);
        }
        records.forEach(r -> counts.merge(YearMonth.from(r.createdAt().atZone(ZONE)), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new MonthCount(e.getKey(), e.getValue())).toList();
    }

    private List<RatingLine> ratings(Instant since, Map<SessionId, SessionRecord> byId, Map<TeamId, UnitId> unitOf,
                                     int threshold, Decks decks) {
        record Question(String deckId, String cardId, String activityId) {
        }
        record Given(SessionId session, Map<Integer, Long> values) {
            long answers() {
                return values.values().stream().mapToLong(Long::longValue).sum();
            }
        }
        Map<Question, Map<SessionId, Map<Integer, Long>>> asked = new LinkedHashMap<>();
        for (RatingCount count : sessions.ratingCountsSince(since)) {
            SessionRecord record = byId.get(count.session());
            if (record == null || record.status() != SessionStatus.CLOSED) {
                continue;
            }
            asked.computeIfAbsent(new Question(record.deckId(), count.cardId(), count.activityId()), q -> new LinkedHashMap<>())
                    .computeIfAbsent(count.session(), s -> new TreeMap<>())
                    .merge(count.value(), (long) count.count(), Long::sum);
        }
        List<RatingLine> lines = new ArrayList<>();
        for (var entry : asked.entrySet()) {
            Question question = entry.getKey();
            List<Given> all = entry.getValue().entrySet().stream().map(e -> new Given(e.getKey(), e.getValue())).toList();
            List<Given> counted = all.stream().filter(g -> g.answers() >= threshold).toList();
            SessionRecord any = byId.get(all.getFirst().session());
            Optional<RatingScale> scale = decks.scale(any.deckId(), any.deckVersion(), question.cardId(), question.activityId());
            if (scale.isEmpty()) {
                continue;
            }
            Map<UnitId, List<Given>> perUnit = new LinkedHashMap<>();
            for (Given given : counted) {
                Set<UnitId> of = byId.get(given.session()).teams().stream().map(unitOf::get)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
                if (of.size() == 1) {
                    perUnit.computeIfAbsent(of.iterator().next(), u -> new ArrayList<>()).add(given);
                }
            }
            Map<UnitId, Figure> byUnit = new LinkedHashMap<>();
            perUnit.forEach((unit, given) -> byUnit.put(unit, figure(given.stream().map(Given::values).toList(), scale.get())));
            lines.add(new RatingLine(decks.title(any.deckId(), any.deckVersion()),
                    decks.text(any.deckId(), any.deckVersion(), "card." + question.cardId() + ".title"),
                    decks.text(any.deckId(), any.deckVersion(), "card." + question.cardId() + "." + question.activityId()),
                    scale.get(), counted.isEmpty() ? null : figure(counted.stream().map(Given::values).toList(), scale.get()),
                    byUnit, all.size() - counted.size()));
        }
        return lines;
    }

    static Figure figure(List<Map<Integer, Long>> sessionsValues, RatingScale scale) {
        Map<Integer, Long> distribution = new TreeMap<>();
        sessionsValues.forEach(v -> v.forEach((value, n) -> distribution.merge(value, n, Long::sum)));
        long answers = distribution.values().stream().mapToLong(Long::longValue).sum();
        double sum = distribution.entrySet().stream().mapToDouble(e -> e.getKey() * (double) e.getValue()).sum();
        Integer net = null;
        if (scale == RatingScale.NPS || scale == RatingScale.ENPS) {
            long promoters = distribution.entrySet().stream().filter(e -> e.getKey() >= 9).mapToLong(Map.Entry::getValue).sum();
            long detractors = distribution.entrySet().stream().filter(e -> e.getKey() <= 6).mapToLong(Map.Entry::getValue).sum();
            net = (int) Math.round(100.0 * (promoters - detractors) / answers);
        }
        return new Figure(sessionsValues.size(), (int) answers, sum / answers, net, distribution);
    }

    /** The decks sessions pinned, read once each, with texts in the viewer's language. */
    private final class Decks {

        private final Language language;
        private final OrganisationName organisation;
        private final Map<String, Optional<InstalledDeck>> found = new HashMap<>();

        Decks(Language language, OrganisationName organisation) {
            this.language = language;
            this.organisation = organisation;
        }

        private Optional<InstalledDeck> deck(String id, String version) {
            DeckCatalog registry = catalog.getIfAvailable();
            return found.computeIfAbsent(id + "/" + version, k -> registry == null ? Optional.empty() : registry.find(id, version));
        }

        String title(String id, String version) {
            return text(id, version, "deck.title");
        }

        String text(String id, String version, String key) {
            return deck(id, version).map(d -> d.texts().find(language, key).isPresent() ? d.texts().text(language, key, organisation) : key)
                    .orElse(id);
        }

        Optional<RatingScale> scale(String id, String version, String cardId, String activityId) {
            return deck(id, version).flatMap(d -> d.manifest().card(cardId)).flatMap(c -> c.activity(activityId))
                    .flatMap(a -> switch (a) {
                        case Activity.Rate rate -> Optional.of(rate.scale());
                        case Activity.Pulse pulse -> Optional.of(pulse.scale());
                        default -> Optional.<RatingScale>empty();
                    });
        }
    }
}
