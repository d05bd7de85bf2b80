package fi.arki.ui.security;

import com.vaadin.flow.server.VaadinSession;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.identity.ActingUser;
import java.util.Optional;

/** The person the signed-in user is in the tenant they act in (kept for the rest of the UI session). */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    public static Optional<PersonId> find(DirectoryManagement directory) {
        Optional<ActingUser> user = CurrentUser.get().filter(u -> u.tenant() != null);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String key = "arki.person." + user.get().tenant() + "." + user.get().account();
        VaadinSession session = VaadinSession.getCurrent();
        Object known = session == null ? null : session.getAttribute(key);
        if (known instanceof PersonId person) {
            return Optional.of(person);
        }
        Optional<PersonId> person = directory.personOf(user.get().account()).map(p -> p.id());
        if (session != null) {
            person.ifPresent(p -> session.setAttribute(key, p));
        }
        return person;
    }

    public static PersonId require(DirectoryManagement directory) {
        return find(directory).orElseThrow(() -> new IllegalStateException("The signed-in user is no person of this tenant"));
    }
}
