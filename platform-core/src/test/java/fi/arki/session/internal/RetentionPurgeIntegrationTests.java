package fi.arki.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditManagement;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.Idea;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetId;
import fi.arki.followup.TargetStatus;
import fi.arki.session.RetentionPreview;
import fi.arki.session.SessionId;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionRetentionManagement;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.SessionRuns;
import fi.arki.testing.SessionRuns.Organisation;
import fi.arki.testing.SessionRuns.Run;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * T-23, retention: what an administrator sets is what happens. A session closed longer ago than the
 * tenant's retention period goes with everything it held — a catalog-wide query finds no row of it
 * in any table that has a {@code session_id} — open targets committed in it stay with the team,
 * finished ones go, every purge is audited without a word anybody wrote, and several nodes purging
 * at once purge (and audit) each session once.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class RetentionPurgeIntegrationTests {

    @Autowired RetentionPurge purge;
    @Autowired ApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired TenantSettingsManagement settings;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired SessionRetentionManagement retention;
    @Autowired FollowupManagement followup;
    @Autowired AuditManagement audit;
    @Autowired IdeaManagement ideas;

    TenantId tenant(int retentionDays) {
        TenantId id = TenantId.random();
        tenants.create(id, "r-" + id.value().toString().substring(0, 8), "Retention " + id);
        TenantContext.runAs(id, () -> Actors.asSystem(() -> settings.update(new TenantSettings(List.of(Language.FI), Language.FI, true, 5,
                retentionDays, null, null))));
        return id;
    }

    static void closedDaysAgo(SessionId session, int days) throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection();
             PreparedStatement age = c.prepareStatement("update live_session set closed_at = now() - make_interval(days => ?) where id = ?")) {
            age.setInt(1, days);
            age.setObject(2, session.value());
            assertThat(age.executeUpdate()).isOne();
        }
    }

    @Test
    void a_session_past_the_retention_period_leaves_no_row_in_any_table_and_its_open_targets_stay_with_the_team(CapturedOutput output)
            throws SQLException {
        String marker = "RETAIN-" + UUID.randomUUID();
        SessionRuns runs = new SessionRuns(context);
        TenantId a = tenant(30);
        Organisation org = runs.organisation(a);
        Run old = runs.run(org, SessionMode.NAMED, marker, null, true);
        Run recent = runs.run(org, SessionMode.ANONYMOUS, marker, old.openTarget(), true);
        Run running = runs.run(org, SessionMode.NAMED, marker, null, false);
        closedDaysAgo(old.id(), 31);
        closedDaysAgo(recent.id(), 29);
        TenantId b = tenant(730);
        Run keptByB = runs.run(runs.organisation(b), SessionMode.NAMED, marker, null, true);
        closedDaysAgo(keptByB.id(), 31);
        assertThat(rowsOf(old.id())).as("the old session had rows in these tables").containsKeys("live_session", "participant",
                "answer", "answer_group", "answer_grouping", "vote", "rating", "touchpoint", "session_step", "session_team",
                "session_facilitator", "development_target", "target_review");
        assertThat(TenantContext.callAs(a, () -> Actors.asSystem(() -> retention.preview(30))))
                .satisfies(p -> assertThat(p.sessions()).isEqualTo(1));

        assertThat(TenantContext.current()).isEmpty();
        // the purge reads and deletes what people wrote: at DEBUG, for Arki's code and jOOQ's, it logs none of it
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        int before = output.getAll().length();
        for (String logger : List.of("fi.arki", "org.jooq")) {
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
        try {
            assertThat(purge.purgeAll()).isGreaterThanOrEqualTo(1);
        } finally {
            for (String logger : List.of("fi.arki", "org.jooq")) {
                logging.setLogLevel(logger, null);
            }
        }
        assertThat(output.getAll().substring(before)).as("the purge's log").contains("Retention purge deleted").doesNotContain(marker);

        assertThat(rowsOf(old.id())).as("rows of the purged session, in every table with a session_id (and its own)").isEmpty();
        for (Run kept : List.of(recent, running, keptByB)) {
            assertThat(rowsOf(kept.id())).containsKeys("live_session", "answer", "vote", "rating", "touchpoint");
        }
        TenantContext.runAs(a, () -> Actors.asSystem(() -> {
            List<DevelopmentTarget> targets = followup.targetsOf(org.team().id());
            assertThat(targets).extracting(DevelopmentTarget::id).contains(old.openTarget())
                    .as("a finished target goes with its session").doesNotContain(old.finishedTarget());
            DevelopmentTarget kept = targets.stream().filter(t -> t.id().equals(old.openTarget())).findFirst().orElseThrow();
            assertThat(kept.sessionId()).as("detached from the purged session").isNull();
            assertThat(kept.status()).isEqualTo(TargetStatus.OPEN);
            assertThat(followup.reviewsIn(recent.id().value())).extracting(r -> r.target()).contains(old.openTarget());
        }));

        List<AuditEntry> entries = TenantContext.callAs(a, () -> Actors.asSystem(() -> audit.tenantEntries(1000)));
        assertThat(entries).filteredOn(e -> e.action().equals(AuditAction.DELETED) && "session".equals(e.objectType()))
                .singleElement().satisfies(e -> {
                    assertThat(e.objectId()).isEqualTo(old.id().toString());
                    assertThat(e.actor()).isEqualTo(AuditManagement.SYSTEM);
                    assertThat(e.detail()).containsEntry("reason", "retention").containsEntry("retentionDays", "30")
                            .containsEntry("targetsDeleted", "1").containsEntry("targetsKept", "1");
                });
        assertThat(entries).as("no audit entry holds anything anybody wrote")
                .noneMatch(e -> e.toString().contains(marker));
        assertThat(purge.purge(a)).as("nothing left to purge").isZero();
    }

    @Test
    void an_idea_escalated_from_a_purged_session_stays_with_its_team() throws SQLException {
        SessionRuns runs = new SessionRuns(context);
        TenantId f = tenant(30);
        Organisation org = runs.organisation(f);
        Run old = runs.run(org, SessionMode.NAMED, "idea", null, true);
        IdeaId id = IdeaId.random();
        TenantContext.runAs(f, () -> Actors.asSystem(() -> {
            UUID answer = sessions.state(old.id()).answers(SessionRuns.PROMPT).getFirst().id();
            ideas.escalate(org.member().id(), new IdeaDraft(id, org.team().id(), old.id().value(), answer, "Kysytään asiakkailta"));
        }));
        closedDaysAgo(old.id(), 31);

        assertThat(purge.purge(f)).isOne();

        assertThat(rowsOf(old.id())).as("no row holds the purged session, the idea neither").isEmpty();
        Idea kept = TenantContext.callAs(f, () -> Actors.asSystem(() -> ideas.ideasOf(org.member().id(), org.team().id())))
                .stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        assertThat(kept.text()).isEqualTo("Kysytään asiakkailta");
        assertThat(kept.sessionId()).isNull();
        assertThat(kept.answerId()).isNull();
        assertThat(kept.status()).isEqualTo(IdeaStatus.NEW);
    }

    @Test
    void nodes_purging_at_the_same_time_purge_and_audit_each_session_once() throws Exception {
        SessionRuns runs = new SessionRuns(context);
        TenantId c = tenant(30);
        Organisation org = runs.organisation(c);
        List<SessionId> old = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Run run = runs.run(org, SessionMode.ANONYMOUS, "node " + i, null, true);
            closedDaysAgo(run.id(), 40 + i);
            old.add(run.id());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> nodes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return purge.purge(c);
            }));
        }
        start.countDown();
        int purged = 0;
        for (CompletableFuture<Integer> node : nodes) {
            purged += node.get();
        }

        assertThat(purged).isEqualTo(4);
        List<AuditEntry> entries = TenantContext.callAs(c, () -> Actors.asSystem(() -> audit.tenantEntries(1000)));
        assertThat(entries).filteredOn(e -> e.action().equals(AuditAction.DELETED) && "session".equals(e.objectType()))
                .extracting(AuditEntry::objectId).containsExactlyInAnyOrderElementsOf(old.stream().map(SessionId::toString).toList());
        for (SessionId session : old) {
            assertThat(rowsOf(session)).isEmpty();
        }
    }

    @Test
    void a_finished_target_no_session_holds_goes_a_retention_period_after_its_last_change() throws SQLException {
        SessionRuns runs = new SessionRuns(context);
        TenantId d = tenant(30);
        Organisation org = runs.organisation(d);
        Run old = runs.run(org, SessionMode.NAMED, "vanha", null, true);
        closedDaysAgo(old.id(), 35);
        Run later = runs.run(org, SessionMode.NAMED, "uusi", null, false);
        purge.purge(d);
        TargetId detached = old.openTarget();
        TenantContext.runAs(d, () -> Actors.asSystem(() -> facilitation.reviewTarget(later.id(), detached,
                ReviewOutcome.DONE, null)));

        purge.purge(d);
        assertThat(target(org, detached)).as("finished today: kept").isPresent();

        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("update development_target set updated_at = now() - interval '31 days' where id = '" + detached + "'");
        }
        purge.purge(d);
        assertThat(target(org, detached)).as("finished longer ago than the retention period").isEmpty();
        assertThat(TenantContext.callAs(d, () -> Actors.asSystem(() -> audit.tenantEntries(1000))))
                .filteredOn(e -> "development_target".equals(e.objectType())).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("targets", "1").containsEntry("reason", "retention"));
    }

    @Test
    void the_preview_counts_what_a_shorter_period_would_delete() throws SQLException {
        SessionRuns runs = new SessionRuns(context);
        TenantId e = tenant(730);
        Organisation org = runs.organisation(e);
        closedDaysAgo(runs.run(org, SessionMode.ANONYMOUS, "a", null, true).id(), 100);
        closedDaysAgo(runs.run(org, SessionMode.ANONYMOUS, "b", null, true).id(), 40);
        RetentionPreview at730 = TenantContext.callAs(e, () -> Actors.asSystem(() -> retention.preview(730)));
        RetentionPreview at60 = TenantContext.callAs(e, () -> Actors.asSystem(() -> retention.preview(60)));
        RetentionPreview at30 = TenantContext.callAs(e, () -> Actors.asSystem(() -> retention.preview(30)));
        assertThat(List.of(at730.sessions(), at60.sessions(), at30.sessions())).containsExactly(0, 1, 2);
        assertThat(purge.purge(e)).as("the setting, not the preview, decides").isZero();
    }

    private Optional<DevelopmentTarget> target(Organisation org, TargetId id) {
        return TenantContext.callAs(org.tenant(), () -> Actors.asSystem(() -> followup.targetsOf(org.team().id()).stream()
                .filter(t -> t.id().equals(id)).findFirst()));
    }

    /**
     * Rows that belong to the session in every table with a {@code session_id} column, read from the
     * catalog (so a table added later is counted too), plus its own row; as the superuser, past RLS.
     */
    static Map<String, Long> rowsOf(SessionId session) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = TestDatabase.superuser().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select c.relname from pg_class c
                    join pg_attribute a on a.attrelid = c.oid and a.attname = 'session_id' and not a.attisdropped
                    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("answer", "join_code", "development_target");
            for (String table : tables) {
                count(c, "select count(*) from \"" + table + "\" where session_id = ?", session, table, rows);
            }
            count(c, "select count(*) from live_session where id = ?", session, "live_session", rows);
        }
        return rows;
    }

    private static void count(Connection c, String sql, SessionId session, String table, Map<String, Long> rows) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(sql)) {
            count.setObject(1, session.value());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    rows.put(table, rs.getLong(1));
                }
            }
        }
    }
}
