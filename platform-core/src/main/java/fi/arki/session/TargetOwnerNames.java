package fi.arki.session;

import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.followup.DevelopmentTarget;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A target owned by a person carries only the person's id; the snapshot every screen renders
 * from (participants' phones included, which have no directory) gets the person's name written
 * in, so the owner is never blank. A name typed for the target is kept as it is.
 */
final class TargetOwnerNames {

    private TargetOwnerNames() {
    }

    static List<DevelopmentTarget> named(List<DevelopmentTarget> targets, Function<PersonId, Optional<Person>> people) {
        return targets.stream().map(t -> t.ownerPerson() == null || (t.ownerName() != null && !t.ownerName().isBlank()) ? t
                : people.apply(t.ownerPerson()).map(p -> new DevelopmentTarget(t.id(), t.team(), t.sessionId(), t.title(),
                        t.ownerPerson(), p.displayName(), t.due(), t.dimension(), t.status(), t.createdAt())).orElse(t)).toList();
    }
}
