package fi.arki.ui.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.dom.Element;
import fi.arki.directory.PersonId;
import fi.arki.session.SessionInfo;
import fi.arki.session.FacilitationManagement;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every part of the facilitator's console shares: the session, who is signed in (the service
 * reads who acts itself), and how an action
 * runs (in the tenant, a failure becoming a message). The console's panels get this instead of the
 * whole view, so each panel is a small class that knows only its own kind of step.
 */
final class ConsoleActions {

    final FacilitationManagement facilitation;
    final PersonId me;
    final TenantId tenant;
    final SessionInfo info;
    final SessionTexts texts;
    /** Team members by id, for target owners. */
    final Map<PersonId, String> people;
    private final Component owner;
    private String focusAfterRebuild;

    ConsoleActions(Component owner, FacilitationManagement facilitation, PersonId me, TenantId tenant, SessionInfo info, SessionTexts texts,
                   Map<PersonId, String> people) {
        this.owner = owner;
        this.facilitation = facilitation;
        this.me = me;
        this.tenant = tenant;
        this.info = info;
        this.texts = texts;
        // in the team's order, and a map that answers get(null) (an empty owner menu asks for it)
        this.people = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(people));
    }

    /** Runs an action as the facilitator; a failure is shown as a message. */
    void act(Runnable action) {
        attempt(action);
    }

    /** As {@link #act}, telling whether it succeeded. */
    boolean attempt(Runnable action) {
        return Feedback.attempt(owner, () -> TenantContext.runAs(tenant, action));
    }

    /**
     * The control a keyboard user acts on is built again with the change; the focus goes back to
     * it (by its id) instead of falling to the top of the page.
     */
    void focusAfterRebuild(String id) {
        focusAfterRebuild = id;
    }

    /** After a rebuild under root: focus the control named by {@link #focusAfterRebuild}, if it is there. */
    void refocus(Component root) {
        String id = focusAfterRebuild;
        if (id == null) {
            return;
        }
        descendants(root.getElement()).filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .flatMap(Element::getComponent).filter(c -> c instanceof Focusable<?>)
                .ifPresent(c -> {
                    focusAfterRebuild = null;
                    ((Focusable<?>) c).focus();
                });
    }

    private static Stream<Element> descendants(Element e) {
        return Stream.concat(Stream.of(e), e.getChildren().flatMap(ConsoleActions::descendants));
    }
}
