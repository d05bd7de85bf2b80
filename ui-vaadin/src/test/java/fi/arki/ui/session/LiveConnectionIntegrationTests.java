package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import fi.arki.session.LiveStates;
import fi.arki.session.SessionBroadcaster;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import fi.arki.ui.UiIntegrationTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A view whose UI has gone before its detach listener ran (a closed tab, an ended session):
 * {@code UI.access} throws {@code UIDetachedException} there. The refresh must not throw on its
 * worker thread and leave the subscription behind for good; it stops following instead.
 */
@UiIntegrationTest
class LiveConnectionIntegrationTests {

    @Autowired LiveStates states;
    @Autowired SessionBroadcaster broadcaster;

    @Test
    void a_refresh_for_a_ui_that_has_gone_stops_following_the_session_instead_of_throwing() {
        SessionId session = SessionId.random();
        // a UI with no VaadinSession is what a detached one looks like to UI.access
        UI gone = new UI();
        Div view = new Div();
        gone.add(view);
        assertThat(view.isAttached()).isTrue();
        AtomicInteger rendered = new AtomicInteger();

        // attached, so it subscribes at once and asks for its first refresh on a worker
        LiveConnection.follow(view, TenantId.random(), session, states, broadcaster,
                state -> rendered.incrementAndGet(), connected -> rendered.incrementAndGet());

        await().atMost(Duration.ofSeconds(60)).until(() -> !broadcaster.followed().contains(session));
        // later announcements for the session reach nobody and render nothing
        broadcaster.receivedFromOtherNode(new SessionBroadcaster.Change(TenantId.random(), session, 2));
        assertThat(broadcaster.followed()).doesNotContain(session);
        assertThat(rendered).hasValue(0);
    }
}
