package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import fi.arki.admin.TenantExportManagement;
import fi.arki.insight.SummaryExports;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.SessionRuns;
import fi.arki.testing.SessionRuns.Organisation;
import fi.arki.testing.SessionRuns.Run;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import fi.arki.ui.UiIntegrationTest;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * T-23, logs: a whole session whose every text carries a unique marker — answers, groups, a journey
 * map, targets, reviews — with refused writes (too long, empty, control characters, a locked step,
 * a closed session), a write the database itself refuses, the UI's handling of that failure, the
 * summary exports and an export of the tenant; then everything the
 * application logged (every logger, with stack traces and causes, at DEBUG for Arki's own code and
 * for jOOQ, and all that reached the console) holds no marker.
 */
@UiIntegrationTest
@Import(TestDeckCatalog.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class NoAnswerTextInLogsTests extends SpringBrowserlessTest {

    @Autowired ApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired SummaryExports summaries;
    @Autowired fi.arki.insight.SummaryManagement summaryManagement;
    @Autowired TenantExportManagement exports;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final List<Level> levelsBefore = new ArrayList<>();
    static final List<String> LOUDER = List.of("fi.arki", "org.jooq", "org.springframework.boot.jooq");

    @BeforeEach
    void capture() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.setContext(root.getLoggerContext());
        logged.start();
        root.addAppender(logged);
        for (String name : LOUDER) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        for (int i = 0; i < LOUDER.size(); i++) {
            ((Logger) LoggerFactory.getLogger(LOUDER.get(i))).setLevel(levelsBefore.get(i));
        }
    }

    @Test
    void a_whole_session_with_its_failures_logs_no_word_anybody_wrote(CapturedOutput output) throws SQLException {
        String marker = "LOGMARK" + UUID.randomUUID().toString().replace("-", "");
        TenantId tenant = TenantId.random();
        Actors.asSystem(() -> tenants.create(tenant, "log-" + tenant.value().toString().substring(0, 8), "Lokitesti"));
        SessionRuns runs = new SessionRuns(context);
        Organisation org = runs.organisation(tenant);
        Run named = runs.run(org, SessionMode.NAMED, marker, null, true);
        Run anonymous = runs.run(org, SessionMode.ANONYMOUS, marker, named.openTarget(), false);
        Joined writer = anonymous.joined().getFirst();

        as(tenant, () -> {
            refused(() -> participants.writeAnswer(anonymous.id(), writer.participant(), SessionRuns.PROMPT, UUID.randomUUID(), null,
                    marker + "x".repeat(ParticipantManagement.MAX_ANSWER)), "session.error.text-too-long");
            refused(() -> participants.writeAnswer(anonymous.id(), writer.participant(), SessionRuns.PROMPT, UUID.randomUUID(), null,
                    marker + "\u0007"), "error.text.control-characters");
            refused(() -> joins.join(named.id(), Joiner.guest(marker, null, Language.FI)), "session.error.closed");
            refused(() -> participants.writeAnswer(named.id(), named.joined().getFirst().participant(), SessionRuns.PROMPT,
                    UUID.randomUUID(), null, marker + " too late"), "session.error.closed");
            facilitation.lock(anonymous.id(), SessionRuns.PROMPT, true);
            refused(() -> participants.writeAnswer(anonymous.id(), writer.participant(), SessionRuns.PROMPT, UUID.randomUUID(), null,
                    marker + " locked out"), "session.error.step-locked");
            facilitation.lock(anonymous.id(), SessionRuns.PROMPT, false);
            return null;
        });

        // a write the database refuses, and the participant's screen telling them so
        RuntimeException failure;
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("alter table answer add constraint log_probe check (body not like '%REFUSE-ME%') not valid");
        }
        try {
            failure = as(tenant, () -> {
                try {
                    participants.writeAnswer(anonymous.id(), writer.participant(), SessionRuns.PROMPT, UUID.randomUUID(), null,
                            marker + " REFUSE-ME");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
        } finally {
            try (Connection c = TestDatabase.superuser().getConnection()) {
                c.createStatement().execute("alter table answer drop constraint log_probe");
            }
        }
        assertThat(failure).as("the database refused the write").isNotNull().isNotInstanceOf(InvalidInputException.class);
        UI.getCurrent().setLocale(Language.FI.locale());
        assertThat(Feedback.message(new Div(), failure)).doesNotContain(marker);

        as(tenant, () -> {
            var summary = summaryManagement.summary(named.id(), org.facilitator().id(), Language.FI);
            summaries.csv(summary);
            summaries.markdown(summary);
            facilitation.close(anonymous.id());
            return null;
        });
        Actors.signInAsPlatformAdmin();
        try {
            exports.exportTenant(tenant, OutputStream.nullOutputStream());
        } finally {
            Actors.signOut();
        }

        List<String> lines = logged.list.stream().map(NoAnswerTextInLogsTests::render).toList();
        assertThat(lines).as("the capture sees the application's own log lines").isNotEmpty()
                .anyMatch(l -> l.contains("A session action failed"));
        assertThat(lines).as("log lines with text people wrote").noneMatch(l -> l.contains(marker));
        assertThat(output.getAll()).as("console output with text people wrote").doesNotContain(marker);
    }

    private static String render(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    private static void refused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo(key);
    }

    private static <T> T as(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> Actors.asSystem(work));
    }
}
