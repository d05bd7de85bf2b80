package fi.arki.session.internal;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.shared.Callers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who acts in a facilitator's call, read from the security context rather than taken from the
 * caller (a caller could name anyone): the signed-in account's person in the bound tenant. A call
 * with no authentication at all is Arki's own (start-up seeding, jobs, tests' set-up), which the
 * access rules already let through; every web request carries an authentication, anonymous or not.
 */
@Component
public class ActingPerson {

    private final DirectoryManagement directory;

    ActingPerson(DirectoryManagement directory) {
        this.directory = directory;
    }

    /** Arki itself is calling: no one is signed in on this thread, not even anonymously. */
    public boolean arki() {
        return Callers.system();
    }

    /** The signed-in user's person in the bound tenant; empty for a visitor, Arki itself, or an account that is no person here. */
    public Optional<PersonId> find() {
        return Callers.account().flatMap(directory::personOf).map(Person::id);
    }
}
