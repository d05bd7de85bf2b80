package fi.arki;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.internal.TenantOfAsyncWork;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * T-08, the inventory: every place where Arki's code runs outside a request — event listeners,
 * scheduled jobs, {@code @Async} methods, threads and executors of its own (which is where push
 * callbacks come from) — and how each gets its tenant. A new one fails this test, naming itself,
 * until it is added here with the test that shows it runs under the right tenant; a line here that
 * no longer matches the code fails too.
 *
 * <p>Listeners of Arki's own events need no line: every such event carries {@code tenantId()}
 * (checked here) and {@code TenantOfAsyncWork} binds it around the listener, before its
 * transaction, whatever its thread had bound ({@code TenantInAsyncPathsIntegrationTests}).
 */
class AsyncPathsTests {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(new ProductionClasses()).importPackages("fi.arki");

    /** Listeners of events that are not Arki's and carry no tenant: why that is right. */
    static final Map<String, String> LISTENERS_WITHOUT_A_TENANT = Map.of(
            "fi.arki.identity.internal.LocalAccounts#onSuccess", "Spring Security's sign-in outcome: platform accounts; the SignedIn event it publishes carries the chosen tenant");

    /** Scheduled jobs: they run under no tenant (TenantOfAsyncWork) and bind each item's; the test that shows it. */
    static final Map<String, String> SCHEDULED_JOBS = Map.of(
            "fi.arki.session.internal.IdleSessions#closeIdle", "IdleSessionsIntegrationTests: each idle session closed under its own tenant, also from a thread bound to another",
            "fi.arki.session.Presence#flush", "SessionAsyncPathsIntegrationTests: each participant's presence written under its own tenant",
            "fi.arki.session.Presence#heartbeat", "SessionAsyncPathsIntegrationTests: the same for the heartbeat",
            "fi.arki.session.internal.RetentionPurge#purgeAll", "RetentionPurgeIntegrationTests: each tenant's sessions purged under that tenant's binding and retention period; another tenant's old session stays");

    /** Classes that start threads or executors of their own (push callbacks among them): how their work gets its tenant. */
    static final Map<String, String> OWN_THREADS = Map.of(
            "fi.arki.session.internal.CrossNodeNotifier", "carries ids (tenant, session, version) between nodes and reads no tenant data; each view reads again under its own session's tenant",
            "fi.arki.ui.participant.ParticipantStreams", "participants' event streams: each broadcast reads and renders with the stream's session tenant bound (TenantContext.callAs), the heartbeat writes bytes only (ParticipantEventsIntegrationTests)",
            "fi.arki.tenancy.internal.EmbeddedPostgresServer", "a shutdown hook that stops the embedded database; no tenant data",
            "fi.arki.ui.session.LiveConnection", "push refreshes read with the followed session's tenant bound (TenantContext.callAs); LiveStates refuses a read with none and finds nothing under another (SessionAsyncPathsIntegrationTests; LiveSessionEndToEndTests)");

    /** Push callbacks and retries bind the tenant they carry before any database work. */
    static final Set<String> BIND_THEIR_TENANT = Set.of("fi.arki.ui.session.LiveConnection", "fi.arki.ui.participant.ParticipantStreams");

    /** The methods annotated (directly or through another annotation) with the annotation, as reflection sees them. */
    static Stream<Method> methods(Class<? extends java.lang.annotation.Annotation> annotation) {
        return CLASSES.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(annotation) || m.isMetaAnnotatedWith(annotation)
                        || m.getOwner().isAnnotatedWith(annotation))
                .map(JavaMethod::reflect);
    }

    static String key(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    @Test
    void arkis_own_events_carry_their_tenant_and_every_other_listener_says_why_it_needs_none() {
        Set<String> missing = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        methods(EventListener.class).forEach(m -> {
            Class<?> event = m.getParameterTypes()[0];
            if (TenantOfAsyncWork.isListenerOfTenantEvents(m)) {
                return;
            }
            found.add(key(m));
            if (event.getName().startsWith("fi.arki.")) {
                missing.add(key(m) + ": Arki's event " + event.getSimpleName() + " must carry TenantId tenantId()");
            } else if (!LISTENERS_WITHOUT_A_TENANT.containsKey(key(m))) {
                missing.add(key(m) + ": listens to " + event.getName() + ", which carries no tenant; say why here or carry one");
            }
        });
        assertThat(missing).as("listeners without their event's tenant").isEmpty();
        assertThat(LISTENERS_WITHOUT_A_TENANT.keySet()).as("lines that match no listener any more").isSubsetOf(found);
    }

    @Test
    void every_scheduled_job_is_known_with_the_test_that_shows_its_tenant() {
        Set<String> jobs = new TreeSet<>();
        methods(Scheduled.class).forEach(m -> jobs.add(key(m)));
        assertThat(jobs).as("scheduled jobs (add a line and a test for a new one)").containsExactlyInAnyOrderElementsOf(SCHEDULED_JOBS.keySet());
    }

    @Test
    void nothing_else_runs_asynchronously_by_annotation() {
        assertThat(methods(Async.class).filter(m -> !AnnotatedElementUtils.hasAnnotation(m, EventListener.class)).map(AsyncPathsTests::key))
                .as("@Async methods that are not event listeners: give them a line and a test like the jobs'").isEmpty();
    }

    @Test
    void every_class_that_starts_threads_is_known_with_how_its_work_gets_a_tenant() {
        Set<String> starters = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            boolean starts = Stream.concat(c.getMethodCallsFromSelf().stream(), c.getConstructorCallsFromSelf().stream())
                    .map(JavaAccess::getTarget)
                    .anyMatch(t -> startsThreads(t.getOwner().getName(), t.getName()));
            if (starts) {
                starters.add(outermost(c).getName());
            }
        }
        assertThat(starters).as("classes that start threads or executors").containsExactlyInAnyOrderElementsOf(OWN_THREADS.keySet());
    }

    @Test
    void push_callbacks_and_retries_bind_the_tenant_they_carry() {
        Map<String, Boolean> binds = new TreeMap<>();
        for (String name : BIND_THEIR_TENANT) {
            binds.put(name, CLASSES.stream().filter(c -> outermost(c).getName().equals(name))
                    .flatMap(c -> c.getMethodCallsFromSelf().stream())
                    .anyMatch(call -> call.getTargetOwner().isEquivalentTo(TenantContext.class)
                            && Set.of("runAs", "callAs").contains(call.getName())));
        }
        assertThat(binds).allSatisfy((name, bound) -> assertThat(bound).as(name + " binds a tenant").isTrue());
    }

    private static boolean startsThreads(String owner, String method) {
        return owner.equals("java.util.concurrent.Executors")
                || (owner.equals("java.lang.Thread") && (method.startsWith("of") || method.equals("<init>") || method.equals("startVirtualThread")))
                || (owner.equals("java.util.concurrent.CompletableFuture") && method.endsWith("Async"))
                || owner.equals("java.util.Timer") || owner.equals("java.util.concurrent.ForkJoinPool")
                || owner.startsWith("java.util.concurrent.ThreadPoolExecutor") || owner.startsWith("java.util.concurrent.ScheduledThreadPoolExecutor");
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass at = c;
        while (at.getEnclosingClass().isPresent()) {
            at = at.getEnclosingClass().get();
        }
        return at;
    }
}
