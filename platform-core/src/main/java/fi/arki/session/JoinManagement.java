package fi.arki.session;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.session.internal.BusyPoolOnly;
import fi.arki.session.internal.Changes;
import fi.arki.session.internal.SessionDeckSettings;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.AsArki;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantSettingsManagement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How participants join a running session: the join page's facts, joining (as a member, a named
 * or an anonymous guest, under a unit or team), and a browser's saved pass back to its
 * participant. What they then write is {@link ParticipantManagement}.
 */
// a burst of joiners can use up the connection pool for a moment: a call that got no connection in time
// (so began no transaction) is tried again, with a growing, random wait that spreads them out
@Retryable(predicate = BusyPoolOnly.class, maxRetries = 2, delay = 200, jitter = 100, multiplier = 2)
@Service
@Transactional
@AnonymousAllowed
public class JoinManagement {

    private final Sessions sessions;
    private final fi.arki.session.internal.ParticipantRows participantRows;
    private final Changes changes;
    private final SessionDeckSettings deckSettings;
    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;
    private final fi.arki.tenancy.TenantManagement tenants;
    private final fi.arki.session.internal.PersonKeys personKeys;
    private final SecureRandom random = new SecureRandom();

    JoinManagement(Sessions sessions, Changes changes, SessionDeckSettings deckSettings, DirectoryManagement directory,
                   TenantSettingsManagement settings, fi.arki.tenancy.TenantManagement tenants,
                   fi.arki.session.internal.PersonKeys personKeys, fi.arki.session.internal.ParticipantRows participantRows) {
        this.participantRows = participantRows;
        this.personKeys = personKeys;
        this.sessions = sessions;
        this.changes = changes;
        this.deckSettings = deckSettings;
        this.directory = directory;
        this.settings = settings;
        this.tenants = tenants;
    }

    /**
     * Joins a running session. A member who has joined before (on another device) gets the same
     * participant back, also in an anonymous session ({@code internal.PersonKeys}); a guest becomes a
     * new participant on every device. Guests only where the tenant allows them.
     */
    public Joined join(SessionId session, Joiner joiner) {
        TenantId tenant = TenantContext.require();
        SessionInfo info = sessions.find(session).orElseThrow(() -> new InvalidInputException("session.error.not-found"));
        if (!info.running()) {
            throw new InvalidInputException("session.error.closed");
        }
        String secret = newSecret();
        byte[] personKey = null;
        if (joiner.guest()) {
            if (!AsArki.call(() -> settings.current().guestsAllowed())) {
                throw new InvalidInputException("session.error.guests-not-allowed");
            }
        } else {
            // a member is one participant however many devices they open; an anonymous session knows them by a keyed hash only
            personKey = info.mode() == SessionMode.NAMED ? null : personKeys.keyOf(session, joiner.member())
                    .orElseThrow(() -> new InvalidInputException("session.error.closed"));
            Optional<ParticipantId> known = personKey == null ? participantRows.participantOfPerson(session, joiner.member())
                    : personKeys.participantWith(session, personKey);
            if (known.isPresent()) {
                participantRows.setSecretHash(session, known.get(), hash(secret)); // the stored language stays: it follows them (ParticipantLanguageManagement)
                return new Joined(session, known.get(), secret);
            }
        }
        String name = null;
        if (info.mode() == SessionMode.NAMED) {
            name = Names.require(joiner.name());
        }
        boolean byTeam = deckSettings.attributeToTeams(info);
        Attribution attribution = AsArki.call(() -> attributionFor(info, joiner, byTeam));
        ParticipantId id = ParticipantId.random();
        // anonymous sessions record no person, not even for members
        participantRows.insertParticipant(tenant, session, id, info.mode() == SessionMode.NAMED ? joiner.member() : null,
                joiner.guest(), name, attribution.unit(), attribution.team(), joiner.language(), hash(secret));
        if (personKey != null) {
            personKeys.attach(session, id, personKey);
        }
        changes.afterCommit(tenant, session, sessions.touch(session));
        return new Joined(session, id, secret);
    }

    /** The units a participant of this session may speak for: those of its owning teams. */
    @Transactional(readOnly = true)
    public List<UnitId> unitsOf(SessionInfo info) {
        return AsArki.call(() -> unitIds(info));
    }

    private List<UnitId> unitIds(SessionInfo info) {
        return info.teams().stream().map(directory::findTeam).flatMap(Optional::stream).map(Team::unitId).distinct().toList();
    }

    /** Who a participant speaks for: a unit, and where the deck attributes answers to teams, a team of the session. */
    private record Attribution(@Nullable UnitId unit, @Nullable TeamId team) {
    }

    /**
     * A chosen team must be one of the session's; its unit is the participant's unit (also where
     * the deck attributes to units: a join page read before the setting was turned off still
     * attributes rightly). Where the deck attributes to teams and none is chosen, the team is the
     * session's only team, or the one of the session's teams the member belongs to; anyone else
     * has to choose.
     */
    private Attribution attributionFor(SessionInfo info, Joiner joiner, boolean byTeam) {
        if (joiner.team() != null) {
            if (!info.teams().contains(joiner.team())) {
                throw new InvalidInputException("session.error.team-not-in-session");
            }
            return new Attribution(unitOf(joiner.team()), byTeam ? joiner.team() : null);
        }
        if (!byTeam) {
            return new Attribution(unitFor(info, joiner), null);
        }
        TeamId team = teamFor(info, joiner);
        return new Attribution(unitOf(team), team);
    }

    private TeamId teamFor(SessionInfo info, Joiner joiner) {
        if (info.teams().size() == 1) {
            return info.teams().getFirst();
        }
        if (joiner.member() != null) {
            List<TeamId> own = directory.teamsOf(joiner.member()).stream().map(DirectoryManagement.Membership::team)
                    .filter(info.teams()::contains).distinct().toList();
            if (own.size() == 1) {
                return own.getFirst();
            }
        }
        throw new InvalidInputException("session.error.team-required");
    }

    private @Nullable UnitId unitOf(TeamId team) {
        return directory.findTeam(team).map(Team::unitId).orElse(null);
    }

    private @Nullable UnitId unitFor(SessionInfo info, Joiner joiner) {
        List<UnitId> units = unitIds(info);
        if (joiner.unit() != null) {
            if (!units.contains(joiner.unit())) {
                throw new InvalidInputException("session.error.unit-not-in-session");
            }
            return joiner.unit();
        }
        if (joiner.member() != null) {
            for (var team : info.teams()) {
                if (directory.membersOf(team).stream().anyMatch(p -> p.id().equals(joiner.member()))) {
                    return directory.findTeam(team).map(Team::unitId).orElse(null);
                }
            }
        }
        return units.size() == 1 ? units.getFirst() : null;
    }

    /**
     * What the join page shows before anyone joins: whether guests may, the organisation's name,
     * the units to speak for, or the teams where the session's deck attributes answers to teams.
     */
    @Transactional(readOnly = true)
    public JoinInfo joinInfo(SessionInfo info) {
        return AsArki.call(() -> {
            var tenantSettings = settings.current();
            String name = tenants.find(TenantContext.require()).map(t -> t.name()).orElse("");
            List<UnitId> units = unitIds(info);
            java.util.Map<UnitId, String> names = new java.util.LinkedHashMap<>();
            if (units.size() > 1) {
                var all = directory.organisation().units();
                for (UnitId unit : units) {
                    all.stream().filter(u -> u.unit().id().equals(unit)).findFirst().ifPresent(u -> names.put(unit, u.unit().name()));
                }
            }
            // the session's teams as this tenant's directory has them: a session of another tenant has none here,
            // and its deck (which this tenant may not see) is not looked up
            List<TeamId> own = info.teams().stream().filter(team -> directory.findTeam(team).isPresent()).toList();
            List<TeamId> teams = !own.isEmpty() && deckSettings.attributeToTeams(info) ? own : List.of();
            java.util.Map<TeamId, String> teamNames = new java.util.LinkedHashMap<>();
            if (teams.size() > 1) {
                teams.forEach(team -> directory.findTeam(team).ifPresent(t -> teamNames.put(team, t.name())));
            }
            return new JoinInfo(tenantSettings.guestsAllowed(), tenantSettings.organisationName(name), units, names, teams, teamNames);
        });
    }

    /** The participant a browser's saved pass belongs to, if the pass is right. */
    @Transactional(readOnly = true)
    public Optional<ParticipantId> resume(SessionId session, @Nullable String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        ParticipantId id;
        try {
            id = new ParticipantId(UUID.fromString(token.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String expected = participantRows.secretHash(session, id).orElse(null);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(id) : Optional.empty();
    }

    private String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
