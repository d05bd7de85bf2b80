package fi.arki.ui.participant;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.session.JoinInfo;
import fi.arki.session.JoinTarget;
import fi.arki.session.SessionInfo;
import fi.arki.ui.security.CurrentUser;
import fi.arki.identity.ActingUser;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the join page of one session asks of one joiner: a name (a guest in a named session), a
 * unit (a guest choosing among several), a team (where the deck attributes answers to teams and the
 * joiner is not in exactly one of them). Worked out the same way for showing and for posting.
 */
public record JoinForm(String code, String title, boolean anonymous, @Nullable PersonId member, String memberName,
                       boolean guestsAllowed, boolean asksName, List<Choice> units, List<Choice> teams) {

    public record Choice(String id, String label) {
    }

    static JoinForm of(JoinTarget target, SessionInfo info, JoinInfo join, DirectoryManagement directory) {
        Optional<ActingUser> user = CurrentUser.get().filter(u -> target.tenant().equals(u.tenant()));
        Optional<PersonId> member = user.flatMap(u -> directory.personOf(u.account()).map(p -> p.id()));
        List<UnitId> units = member.isEmpty() && !join.byTeam() ? join.units() : List.of();
        List<TeamId> ownTeams = member.map(p -> directory.teamsOf(p).stream().map(DirectoryManagement.Membership::team)
                .filter(join.teams()::contains).distinct().toList()).orElse(List.of());
        boolean choosesTeam = join.teams().size() > 1 && ownTeams.size() != 1;
        return new JoinForm(target.code(), info.title(), info.anonymous(), member.orElse(null),
                member.isPresent() ? user.map(ActingUser::displayName).orElse("") : "", join.guestsAllowed(),
                member.isEmpty() && !info.anonymous(),
                units.size() > 1 ? units.stream().map(u -> new Choice(u.value().toString(), join.unitNames().getOrDefault(u, ""))).toList()
                        : List.of(),
                choosesTeam ? join.teams().stream().map(t -> new Choice(t.value().toString(), join.teamNames().getOrDefault(t, ""))).toList()
                        : List.of());
    }

    public boolean isMember() {
        return member != null;
    }

    /** Whether this joiner can join at all here (a guest only where guests are allowed). */
    public boolean canJoin() {
        return member != null || guestsAllowed;
    }
}
