package fi.arki;

import fi.arki.admin.PersonRemovalManagement;
import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.admin.TenantExportManagement;
import fi.arki.followup.TargetRetentionManagement;
import fi.arki.followup.internal.TargetRetention;
import fi.arki.session.RetentionPreview;
import fi.arki.session.SessionRetentionManagement;
import fi.arki.session.internal.ExpiredSessions;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantRestore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import fi.arki.audit.AuditEvent;
import fi.arki.audit.AuditManagement;
import fi.arki.audit.internal.AuditEntries;
import fi.arki.deck.Activity;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckSettings;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.internal.DeckFiles;
import fi.arki.deck.internal.DeckReader;
import fi.arki.deck.internal.PlatformDecks;
import fi.arki.deck.internal.StoredDeckCatalog;
import fi.arki.deck.internal.TenantDecks;
import fi.arki.deck.internal.TestDecks;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.Unit;
import fi.arki.directory.UnitId;
import fi.arki.directory.internal.People;
import fi.arki.directory.internal.Units;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.followup.internal.Ideas;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetDraft;
import fi.arki.followup.TargetId;
import fi.arki.followup.internal.Targets;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.Membership;
import fi.arki.identity.SingleSignOnIdentity;
import fi.arki.identity.internal.Accounts;
import fi.arki.identity.internal.LocalLogins;
import fi.arki.insight.CoverageManagement;
import fi.arki.insight.SummaryManagement;
import fi.arki.session.Lane;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.Joiner;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.tenancy.internal.TenantRows;
import fi.arki.tenancy.internal.TenantSettingsRepository;
import fi.arki.tenancy.internal.Tenants;
import fi.arki.testing.Actors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The T-03 table: for every public method, how tenant A's administrator calls it with tenant B's
 * ids and texts, and what must come of it. Read it as sentences: "{@code Sessions#find(SessionId)}
 * with B's session finds nothing". Platform tables (accounts, the tenant catalogue, join codes,
 * the audit log, platform decks) have no row level security; their repositories read and write
 * what they are told, by design, and the services in front of them are what keeps tenants apart
 * (each such case names the service case that shows it).
 */
final class CrossTenantCases {

    /** A call as tenant A. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    record Case(String key, Outcome outcome, boolean rollback, Set<String> allowed, Call call) {
    }

    /** What must come of a call. */
    sealed interface Outcome {
        String name();

        Optional<String> check(Object result, Throwable error);
    }

    /** Nothing: null, empty, false or zero (for a write: it returns and, as the snapshot shows, changes nothing of B). */
    record Empty() implements Outcome {
        public String name() {
            return "empty";
        }

        public Optional<String> check(Object result, Throwable error) {
            if (error != null) {
                return Optional.of("expected nothing, but it failed: " + CrossTenantReadsIntegrationTests.render(error));
            }
            boolean empty = result == null || result.equals(Optional.empty()) || Boolean.FALSE.equals(result)
                    || (result instanceof Collection<?> c && c.isEmpty()) || (result instanceof Map<?, ?> m && m.isEmpty())
                    || (result instanceof Number n && n.longValue() == 0);
            return empty ? Optional.empty() : Optional.of("expected nothing, got " + CrossTenantReadsIntegrationTests.render(result));
        }
    }

    /** A not-found error: bad input named as such, no such element, or the database refusing the row (RLS, a foreign key). */
    record NotFound(List<Class<? extends Throwable>> accepted) implements Outcome {
        public String name() {
            return "not found";
        }

        public Optional<String> check(Object result, Throwable error) {
            if (error != null && accepted.stream().anyMatch(t -> t.isInstance(error))) {
                return Optional.empty();
            }
            return Optional.of("expected a not-found error, got " + (error == null
                    ? "the result " + CrossTenantReadsIntegrationTests.render(result) : CrossTenantReadsIntegrationTests.render(error)));
        }
    }

    /**
     * Refused by the database itself, and only so: row-level security (SQLState 42501, "new row
     * violates row-level security policy") or a foreign key (23503: B's row, invisible under RLS,
     * cannot be referenced). Any other database error, a broken statement above all, fails.
     */
    record RefusedByDatabase() implements Outcome {
        static final Set<String> STATES = Set.of("42501", "23503");

        public String name() {
            return "refused by the database";
        }

        public Optional<String> check(Object result, Throwable error) {
            for (Throwable at = error; at != null; at = at.getCause()) {
                if (at instanceof java.sql.SQLException sql && STATES.contains(sql.getSQLState())) {
                    return Optional.empty();
                }
            }
            return Optional.of("expected row-level security or a foreign key to refuse B's row, got " + (error == null
                    ? "the result " + CrossTenantReadsIntegrationTests.render(result) : CrossTenantReadsIntegrationTests.render(error)));
        }
    }

    /** Refused by its access rule: tenant A's users may not call it at all (it is the platform's, or only Arki's own). */
    record Refused() implements Outcome {
        public String name() {
            return "refused";
        }

        public Optional<String> check(Object result, Throwable error) {
            return error instanceof AccessDeniedException ? Optional.empty()
                    : Optional.of("expected an access denial, got " + CrossTenantReadsIntegrationTests.render(error == null ? result : error));
        }
    }

    /** Returns A's own data, as described. */
    record Returns(String what, Predicate<Object> test) implements Outcome {
        public String name() {
            return "returns";
        }

        public Optional<String> check(Object result, Throwable error) {
            if (error != null) {
                return Optional.of("expected " + what + ", but it failed: " + CrossTenantReadsIntegrationTests.render(error));
            }
            return test.test(result) ? Optional.empty() : Optional.of("expected " + what + ", got " + CrossTenantReadsIntegrationTests.render(result));
        }
    }

    /**
     * A platform table's repository, across tenants by design (run and rolled back): it does what it
     * is told, without failing (a broken statement fails the case), and where it reads, it finds B's
     * row by B's id (so it is the services named in {@code guards} that keep B's data from A, each
     * of them a case of its own that must hold: {@code every_platform_table_case_names_the_cases_that_guard_it}).
     */
    record ByDesign(String why, List<String> guards, boolean reads) implements Outcome {
        public String name() {
            return "platform table";
        }

        public Optional<String> check(Object result, Throwable error) {
            if (error != null) {
                return Optional.of("expected the platform table's repository to do what it was told, but it failed: "
                        + CrossTenantReadsIntegrationTests.render(error));
            }
            return !reads || found(result) ? Optional.empty()
                    : Optional.of("expected B's row, read across tenants by design (so " + guards + " must guard it), got "
                            + CrossTenantReadsIntegrationTests.render(result));
        }

        private static boolean found(Object result) {
            return result != null && !Boolean.FALSE.equals(result) && !result.equals(Optional.empty())
                    && !(result instanceof Collection<?> c && c.isEmpty()) && !(result instanceof Map<?, ?> m && m.isEmpty());
        }
    }

    /**
     * For each platform table's repository method: the cases of the service methods that stand in
     * front of it and keep tenant B's rows from tenant A (each must be a case of its own, and not a
     * platform table's). A new platform-table method must be added here.
     */
    static final Map<String, List<String>> GUARDS = Map.ofEntries(
            Map.entry("AuditEntries#insert(String;AccountId;TenantId;AuditEvent)",
                    List.of("AuditManagement#record(AuditEvent)", "AuditManagement#recordAbout(String;AccountId;TenantId;AuditEvent)")),
            Map.entry("PlatformDecks#insert(ReadDeck;DeckOrigin;String;AccountId)", List.of("DeckManagement#install(byte[];DeckOrigin;AccountId)")),
            Map.entry("People#tenantsOf(AccountId)", List.of("DirectoryManagement#tenantsOf(AccountId)")),
            Map.entry("Accounts#insert(Account;String)", List.of("AccountManagement#createLocal(String;String;String;boolean)",
                    "AccountManagement#createLocalMember(String;String;String;String;Set)", "AccountManagement#restoreAccount(AccountEntry)")),
            Map.entry("Accounts#insert(Account;String;boolean)", List.of("AccountManagement#createLocal(String;String;String;boolean)",
                    "AccountManagement#createLocalMember(String;String;String;String;Set)")),
            Map.entry("Accounts#exists(AccountId)", List.of("AccountManagement#restoreAccount(AccountEntry)")),
            Map.entry("Accounts#find(AccountId)", List.of("AccountManagement#find(AccountId)")),
            Map.entry("Accounts#find(String;String)", List.of("AccountManagement#findLocal(String)")),
            Map.entry("LocalLogins#claim(String;int;Duration)", List.of("AccountManagement#unlock(AccountId)")),
            Map.entry("LocalLogins#succeeded(AccountId)", List.of("AccountManagement#unlock(AccountId)")),
            Map.entry("Accounts#localCredentials(AccountId)", List.of("AccountManagement#changeOwnPassword(String;String)")),
            Map.entry("Accounts#setPassword(AccountId;String;boolean)",
                    List.of("AccountManagement#resetPassword(AccountId;String)", "AccountManagement#changeOwnPassword(String;String)")),
            Map.entry("Accounts#unlock(AccountId)", List.of("AccountManagement#unlock(AccountId)")),
            Map.entry("Accounts#passwordChangeRequired(AccountId)", List.of("AccountManagement#passwordChangeRequired(AccountId)")),
            Map.entry("Accounts#localStatus(Collection)", List.of("AccountManagement#localAccountsOfTenant()", "AccountManagement#localAccounts()")),
            Map.entry("Accounts#updateFromIdentityProvider(AccountId;String;String;boolean)",
                    List.of("AccountManagement#signInWithSingleSignOn(SingleSignOnIdentity)")),
            Map.entry("Sessions#insertJoinCode(String;TenantId;SessionId;OffsetDateTime)", List.of("SessionStartManagement#start(SessionStart)")),
            Map.entry("Sessions#resolveJoinCode(String)", List.of("SessionStartManagement#resolve(String)")),
            Map.entry("Sessions#openSessionsAcrossTenants()", List.of("FacilitationManagement#closeIfIdle(SessionId;Duration)")),
            Map.entry("Sessions#deleteJoinCode(TenantId;SessionId)", List.of("FacilitationManagement#close(SessionId)")),
            Map.entry("Tenants#insert(Tenant)", List.of("TenantManagement#create(TenantId;String;String)", "TenantLifecycleManagement#create(String;String)")),
            Map.entry("Tenants#find(TenantId)", List.of("TenantManagement#find(TenantId)")),
            Map.entry("Tenants#findBySlug(String)", List.of("TenantManagement#findBySlug(String)")),
            Map.entry("Tenants#slugTaken(String)", List.of("TenantManagement#create(TenantId;String;String)")),
            Map.entry("Tenants#all()", List.of("TenantManagement#all()")),
            Map.entry("Tenants#nameTaken(String;TenantId)", List.of("TenantManagement#rename(TenantId;String)")),
            Map.entry("Tenants#rename(TenantId;String)", List.of("TenantManagement#rename(TenantId;String)", "TenantLifecycleManagement#rename(TenantId;String)")),
            Map.entry("Tenants#mergedInto(TenantId)", List.of("TenantManagement#beginMerge(TenantId;TenantId)")),
            Map.entry("Tenants#lockForMerge(TenantId;TenantId)", List.of("TenantManagement#beginMerge(TenantId;TenantId)")),
            Map.entry("Tenants#markMerged(TenantId;TenantId)", List.of("TenantManagement#completeMerge(TenantMerge)")),
            Map.entry("Tenants#overview()", List.of("TenantManagement#overview()", "TenantLifecycleManagement#overview()")),
            Map.entry("Tenants#tenantOfOrganization(String)", List.of("TenantManagement#tenantOfOrganization(String)")),
            Map.entry("Tenants#link(String;TenantId)", List.of("TenantManagement#linkOrganization(TenantId;String)")),
            Map.entry("Tenants#unlink(String)", List.of("TenantManagement#unlinkOrganization(String)")),
            Map.entry("Tenants#moveOrganizations(TenantId;TenantId)", List.of("TenantManagement#completeMerge(TenantMerge)")),
            Map.entry("Tenants#lock(TenantId)", List.of("TenantManagement#beginDeletion(TenantId;String)")),
            Map.entry("Tenants#deleteOrganizations(TenantId)", List.of("TenantManagement#completeDeletion(TenantDeletion;int)")),
            Map.entry("TenantRows#platformReferences(UUID)", List.of("TenantManagement#completeDeletion(TenantDeletion;int)")));

    /** Platform-table reads given B's id that must find B's row: across tenants by design, so the guard is what counts. */
    static final Set<String> READS_ACROSS = Set.of("People#tenantsOf(AccountId)", "Accounts#exists(AccountId)", "Accounts#find(AccountId)",
            "Accounts#find(String;String)", "Accounts#localCredentials(AccountId)",
            "Accounts#localStatus(Collection)", "Sessions#resolveJoinCode(String)", "Tenants#find(TenantId)", "Tenants#findBySlug(String)",
            "Tenants#slugTaken(String)", "Tenants#all()", "Tenants#nameTaken(String;TenantId)", "Tenants#overview()",
            "Tenants#tenantOfOrganization(String)");

    /**
     * Our own not-found outcomes: bad input named as such ({@link InvalidInputException}, e.g.
     * "session.error.not-found"), or an empty {@code Optional} the service unwraps. Never a
     * database error: a broken statement must fail its case, not pass as "not found".
     */
    static final List<Class<? extends Throwable>> NOT_FOUND = List.of(InvalidInputException.class, NoSuchElementException.class);

    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final CrossTenantSeed a;
    private final CrossTenantSeed b;
    private final ApplicationContext context;

    CrossTenantCases(ApplicationContext context, CrossTenantSeed a, CrossTenantSeed b) {
        this.context = context;
        this.a = a;
        this.b = b;
        audit();
        decks();
        directory();
        followup();
        identity();
        insight();
        sessions();
        participants();
        tenancy();
        admin();
        lifecycle();
        readApis();
        repositories();
    }

    Map<String, Case> all() {
        return cases;
    }

    static String key(Class<?> type, String method, Class<?>... parameters) {
        return type.getSimpleName() + "#" + method + "(" + CrossTenantReadsIntegrationTests.names(parameters) + ")";
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** One line of the table. */
    private final class Line {
        private final String key;
        private boolean rollback;
        private final Set<String> allowed = new java.util.LinkedHashSet<>();

        Line(String key) {
            this.key = key;
        }

        /** Run in a transaction that is rolled back (the call writes what A may write, or is a platform table's). */
        Line rollback() {
            rollback = true;
            return this;
        }

        /** Texts the result may contain although they are B's: what A itself passed in, echoed back. */
        Line allow(String... texts) {
            allowed.addAll(List.of(texts));
            return this;
        }

        void empty(Call call) {
            add(new Empty(), call);
        }

        void notFound(Call call) {
            add(new NotFound(NOT_FOUND), call);
        }

        void fails(Class<? extends Throwable> type, Call call) {
            add(new NotFound(List.of(type)), call);
        }

        void refused(Call call) {
            add(new Refused(), call);
        }

        void refusedByDatabase(Call call) {
            add(new RefusedByDatabase(), call);
        }

        void returns(String what, Predicate<Object> test, Call call) {
            add(new Returns(what, test), call);
        }

        void platformTable(String why, Call call) {
            rollback = true;
            List<String> guards = GUARDS.get(key);
            if (guards == null) {
                throw new IllegalStateException("Name the service cases that guard the platform table method " + key + " in GUARDS");
            }
            add(new ByDesign(why, guards, READS_ACROSS.contains(key)), call);
        }

        private void add(Outcome outcome, Call call) {
            if (cases.put(key, new Case(key, outcome, rollback, Set.copyOf(allowed), call)) != null) {
                throw new IllegalStateException("Two cases for " + key);
            }
        }
    }

    private Line on(Class<?> type, String method, Class<?>... parameters) {
        return new Line(key(type, method, parameters));
    }

    private static Predicate<Object> nonEmpty() {
        return r -> r instanceof Collection<?> c ? !c.isEmpty() : r instanceof Optional<?> o ? o.isPresent() : r != null;
    }

    private static final LocalDate NEXT_MONTH = LocalDate.now().plusMonths(1);

    // ---- the services -----------------------------------------------------------------------

    private void audit() {
        AuditManagement audit = bean(AuditManagement.class);
        // rolled back: the entry A writes names B's id (A passed it), which would then be in A's own log
        on(AuditManagement.class, "record", AuditEvent.class).rollback().empty(() -> {
            audit.record(AuditEvent.of("test.cross-tenant", "tenant", b.tenant).with("about", "another tenant"));
            return null;
        });
        on(AuditManagement.class, "recordAbout", String.class, AccountId.class, TenantId.class, AuditEvent.class).refused(() -> {
            audit.recordAbout("someone", b.memberAccount, b.tenant, AuditEvent.of("test.cross-tenant", null, null));
            return null;
        });
        on(AuditManagement.class, "tenantEntries", int.class).returns("A's own entries", nonEmpty(), () -> audit.tenantEntries(1000));
        on(AuditManagement.class, "platformEntries", int.class).refused(() -> audit.platformEntries(1000));
    }

    private void decks() {
        DeckManagement decks = bean(DeckManagement.class);
        on(DeckManagement.class, "catalogue").returns("the platform's and A's decks", nonEmpty(), decks::catalogue);
        on(DeckManagement.class, "install", byte[].class, DeckOrigin.class, AccountId.class).rollback().allow(b.deckId)
                .returns("A's own deck under the id B uses, neither refused nor told of B's", r -> r.toString().contains(a.marker),
                        () -> decks.install(TestDecks.zip(CrossTenantSeed.deckFiles(b.deckId, a.marker)), DeckOrigin.TENANT_PACKAGE,
                                a.adminAccount));
        on(DeckManagement.class, "enable", String.class, AccountId.class).allow(b.deckId).notFound(() -> {
            decks.enable(b.deckId, a.adminAccount);
            return null;
        });
        on(DeckManagement.class, "disable", String.class).empty(() -> {
            decks.disable(b.deckId);
            return null;
        });
        on(DeckManagement.class, "settings", String.class).allow(b.deckId).notFound(() -> decks.settings(b.deckId));
        on(DeckManagement.class, "saveSettings", String.class, Map.class).allow(b.deckId)
                .notFound(() -> decks.saveSettings(b.deckId, Map.of("vote-budget", "2")));
    }

    private void directory() {
        DirectoryManagement directory = bean(DirectoryManagement.class);
        on(DirectoryManagement.class, "createUnit", String.class).rollback().allow(b.unit.name())
                .returns("A's own unit, B's name being no obstacle", r -> r instanceof Unit, () -> directory.createUnit(b.unit.name()));
        on(DirectoryManagement.class, "renameUnit", UnitId.class, String.class).notFound(() -> directory.renameUnit(b.unit.id(), "Renamed"));
        on(DirectoryManagement.class, "createTeam", UnitId.class, String.class).notFound(() -> directory.createTeam(b.unit.id(), "Team"));
        on(DirectoryManagement.class, "renameTeam", TeamId.class, String.class).notFound(() -> directory.renameTeam(b.team.id(), "Renamed"));
        on(DirectoryManagement.class, "moveTeam", TeamId.class, UnitId.class).notFound(() -> directory.moveTeam(b.team.id(), b.unit.id()));
        on(DirectoryManagement.class, "deleteTeam", TeamId.class).notFound(() -> {
            directory.deleteTeam(b.team.id());
            return null;
        });
        on(DirectoryManagement.class, "deleteUnit", UnitId.class).notFound(() -> {
            directory.deleteUnit(b.unit.id());
            return null;
        });
        on(DirectoryManagement.class, "organisation").returns("A's units", r -> r.toString().contains(a.marker), directory::organisation);
        on(DirectoryManagement.class, "teams").returns("A's teams", nonEmpty(), directory::teams);
        on(DirectoryManagement.class, "findTeam", TeamId.class).empty(() -> directory.findTeam(b.team.id()));
        on(DirectoryManagement.class, "addPerson", String.class, String.class, AccountId.class).rollback()
                .notFound(() -> directory.addPerson("Someone", null, b.memberAccount));
        on(DirectoryManagement.class, "joinOnSignIn", AccountId.class, String.class, String.class)
                .refused(() -> directory.joinOnSignIn(b.memberAccount, "Someone", null));
        on(DirectoryManagement.class, "updatePerson", PersonId.class, String.class, String.class)
                .notFound(() -> directory.updatePerson(b.member.id(), "Renamed", null));
        on(DirectoryManagement.class, "grantRole", PersonId.class, Role.class).notFound(() -> {
            directory.grantRole(b.member.id(), Role.TENANT_ADMIN);
            return null;
        });
        on(DirectoryManagement.class, "revokeRole", PersonId.class, Role.class).empty(() -> {
            directory.revokeRole(b.admin.id(), Role.MEMBER);
            return null;
        });
        on(DirectoryManagement.class, "addToTeam", TeamId.class, PersonId.class, boolean.class).notFound(() -> {
            directory.addToTeam(b.team.id(), b.member.id(), true);
            return null;
        });
        on(DirectoryManagement.class, "removeFromTeam", TeamId.class, PersonId.class).empty(() -> {
            directory.removeFromTeam(b.team.id(), b.member.id());
            return null;
        });
        on(DirectoryManagement.class, "removePerson", PersonId.class).notFound(() -> directory.removePerson(b.member.id()));
        on(DirectoryManagement.class, "findPerson", PersonId.class).empty(() -> directory.findPerson(b.member.id()));
        on(DirectoryManagement.class, "personOf", AccountId.class).empty(() -> directory.personOf(b.memberAccount));
        on(DirectoryManagement.class, "rolesOf", PersonId.class).empty(() -> directory.rolesOf(b.admin.id()));
        on(DirectoryManagement.class, "people").returns("A's people", r -> r.toString().contains(a.marker), directory::people);
        on(DirectoryManagement.class, "membersOf", TeamId.class).empty(() -> directory.membersOf(b.team.id()));
        on(DirectoryManagement.class, "teamsOf", PersonId.class).empty(() -> directory.teamsOf(b.member.id()));
        on(DirectoryManagement.class, "tenantsOf", AccountId.class).empty(() -> directory.tenantsOf(b.memberAccount));
    }

    private void followup() {
        FollowupManagement followup = bean(FollowupManagement.class);
        on(FollowupManagement.class, "commit", TargetDraft.class).notFound(() -> followup.commit(new TargetDraft(TargetId.random(),
                b.team.id(), b.running.id().value(), "A target", b.member.id(), null, NEXT_MONTH, null)));
        on(FollowupManagement.class, "review", TargetId.class, UUID.class, ReviewOutcome.class, String.class).notFound(() -> {
            followup.review(b.target, b.running.id().value(), ReviewOutcome.DONE, "Done");
            return null;
        });
        on(FollowupManagement.class, "openTargetsOf", Collection.class).empty(() -> followup.openTargetsOf(List.of(b.team.id())));
        on(FollowupManagement.class, "targetsOf", TeamId.class).empty(() -> followup.targetsOf(b.team.id()));
        on(FollowupManagement.class, "committedIn", UUID.class).empty(() -> followup.committedIn(b.closed.id().value()));
        on(FollowupManagement.class, "reviewsIn", UUID.class).empty(() -> followup.reviewsIn(b.running.id().value()));

        IdeaManagement ideas = bean(IdeaManagement.class);
        on(IdeaManagement.class, "escalate", PersonId.class, IdeaDraft.class).notFound(() -> ideas.escalate(a.admin.id(),
                new IdeaDraft(IdeaId.random(), b.team.id(), b.closed.id().value(), b.answer, "An idea")));
        on(IdeaManagement.class, "ideasOf", PersonId.class, TeamId.class).empty(() -> ideas.ideasOf(a.admin.id(), b.team.id()));
        on(IdeaManagement.class, "ideasFrom", PersonId.class, UUID.class).empty(() -> ideas.ideasFrom(a.admin.id(), b.closed.id().value()));
        on(IdeaManagement.class, "allIdeas").empty(ideas::allIdeas);
        on(IdeaManagement.class, "respond", IdeaId.class, IdeaStatus.class, String.class)
                .notFound(() -> ideas.respond(b.idea, IdeaStatus.DECLINED, "No"));
        on(IdeaManagement.class, "delete", IdeaId.class).notFound(() -> {
            ideas.delete(b.idea);
            return null;
        });
        on(IdeaManagement.class, "countsByStatus").returns("A's counts, all zero (A has no ideas)",
                r -> r instanceof Map<?, ?> m && m.values().stream().allMatch(v -> Integer.valueOf(0).equals(v)), ideas::countsByStatus);
    }

    private void identity() {
        AccountManagement accounts = bean(AccountManagement.class);
        on(AccountManagement.class, "createLocal", String.class, String.class, String.class, boolean.class)
                .refused(() -> accounts.createLocal("someone-new", "Someone", "first-password-1", false));
        on(AccountManagement.class, "createLocalMember", String.class, String.class, String.class, String.class, Set.class).rollback()
                .allow(b.memberUsername).notFound(() -> accounts.createLocalMember(b.memberUsername, "Someone", null, "first-password-1",
                        Set.of(Role.MEMBER)));
        on(AccountManagement.class, "changeOwnPassword", String.class, String.class).notFound(() -> {
            accounts.changeOwnPassword("not-the-password", "a-new-password-1");
            return null;
        });
        on(AccountManagement.class, "resetPassword", AccountId.class, String.class).notFound(() -> {
            accounts.resetPassword(b.memberAccount, "a-new-password-1");
            return null;
        });
        on(AccountManagement.class, "unlock", AccountId.class).notFound(() -> {
            accounts.unlock(b.memberAccount);
            return null;
        });
        on(AccountManagement.class, "localAccountsOfTenant").returns("A's local accounts", r -> r.toString().contains(a.marker),
                accounts::localAccountsOfTenant);
        on(AccountManagement.class, "localAccounts").refused(accounts::localAccounts);
        on(AccountManagement.class, "passwordChangeRequired", AccountId.class).empty(() -> accounts.passwordChangeRequired(b.memberAccount));
        on(AccountManagement.class, "find", AccountId.class).empty(() -> accounts.find(b.memberAccount));
        on(AccountManagement.class, "findLocal", String.class).empty(() -> accounts.findLocal(b.memberUsername));
        SingleSignOnIdentity identity = new SingleSignOnIdentity("https://sso.example.org/realms/arki", "someone", "Someone", null,
                false, false, Set.of(b.organization));
        on(AccountManagement.class, "signInWithSingleSignOn", SingleSignOnIdentity.class).refused(() -> accounts.signInWithSingleSignOn(identity));
        on(AccountManagement.class, "resolveSingleSignOn", SingleSignOnIdentity.class).refused(() -> accounts.resolveSingleSignOn(identity));
        on(AccountManagement.class, "memberships", AccountId.class).empty(() -> accounts.memberships(b.memberAccount));
        on(AccountManagement.class, "membershipIn", AccountId.class, TenantId.class).empty(() -> accounts.membershipIn(b.memberAccount, b.tenant));
        on(AccountManagement.class, "actingUser", Account.class, Membership.class)
                .returns("the caller as built from A's own account (it reads nothing)", r -> r.toString().contains(a.marker),
                        () -> accounts.actingUser(accounts.find(a.adminAccount).orElseThrow(), null));
    }

    private void insight() {
        SummaryManagement summaries = bean(SummaryManagement.class);
        CoverageManagement coverage = bean(CoverageManagement.class);
        on(CoverageManagement.class, "coverage", Instant.class, Language.class, OrganisationName.class)
                .returns("A's units and teams, none of B's sessions, ratings or targets", r -> r.toString().contains(a.marker),
                        () -> coverage.coverage(Instant.EPOCH, Language.FI, OrganisationName.of(a.text("Tenant"))));
        on(SummaryManagement.class, "summary", SessionId.class, PersonId.class, Language.class)
                .notFound(() -> summaries.summary(b.closed.id(), b.facilitator.id(), Language.FI));
    }

    private void sessions() {
        SessionManagement sessions = bean(SessionManagement.class);
        fi.arki.session.SessionStartManagement starts = bean(fi.arki.session.SessionStartManagement.class);
        fi.arki.session.FacilitationManagement facilitation = bean(fi.arki.session.FacilitationManagement.class);
        PersonId lead = b.facilitator.id();
        SessionId running = b.running.id();
        // A has held no sessions; B has a closed one with ratings and a running one
        on(SessionManagement.class, "recordsSince", Instant.class).empty(() -> sessions.recordsSince(Instant.EPOCH));
        on(fi.arki.insight.CardPrintManagement.class, "pdf", SessionId.class, PersonId.class, Language.class, String.class)
                .notFound(() -> bean(fi.arki.insight.CardPrintManagement.class).pdf(running, lead, Language.FI,
                        "https://arki.example.fi/join/" + b.running.joinCode()));
        on(SessionManagement.class, "forgetNamesOf", PersonId.class).returns("no participant of B's loses a name",
                r -> Integer.valueOf(0).equals(r), () -> sessions.forgetNamesOf(b.member.id()));
        on(SessionManagement.class, "ratingCountsSince", Instant.class).empty(() -> sessions.ratingCountsSince(Instant.EPOCH));
        on(fi.arki.session.SessionStartManagement.class, "enabledDecks").returns("A's decks", r -> r.toString().contains(a.marker), starts::enabledDecks);
        on(SessionManagement.class, "deckOf", SessionInfo.class).allow(b.deckId).notFound(() -> sessions.deckOf(b.closed));
        // the lead is the signed-in administrator's own person in A: B's team is no team there
        on(fi.arki.session.SessionStartManagement.class, "start", SessionStart.class).notFound(() -> starts.start(
                new SessionStart(List.of(b.team.id()), b.deckId, List.of(), SessionMode.NAMED, null)));
        on(fi.arki.session.SessionStartManagement.class, "startFor", PersonId.class, SessionStart.class).refused(() -> starts.startFor(lead,
                new SessionStart(List.of(b.team.id()), b.deckId, List.of(), SessionMode.NAMED, null)));
        on(fi.arki.session.SessionStartManagement.class, "resolve", String.class).allow(b.ids.toArray(String[]::new))
                .returns("by design only ids: a join code is the capability to join, and says which tenant and session it opens",
                        r -> r instanceof Optional<?> o && o.isPresent(), () -> starts.resolve(b.running.joinCode()));
        on(SessionManagement.class, "find", SessionId.class).empty(() -> sessions.find(b.closed.id()));
        on(SessionManagement.class, "sessionsOf", Collection.class).empty(() -> sessions.sessionsOf(List.of(b.team.id(), b.otherTeam.id())));
        // B's small team is not counted (it would warn): a team not of the bound tenant is no team
        on(fi.arki.session.StartWarningManagement.class, "smallTeam", Collection.class)
                .empty(() -> bean(fi.arki.session.StartWarningManagement.class).smallTeam(List.of(b.team.id())));
        on(SessionManagement.class, "runningFacilitatedBy", PersonId.class).empty(() -> sessions.runningFacilitatedBy(lead));
        on(SessionManagement.class, "isFacilitator", SessionId.class, PersonId.class).empty(() -> sessions.isFacilitator(running, lead));
        on(SessionManagement.class, "maySeeSummary", SessionInfo.class, PersonId.class).empty(() -> sessions.maySeeSummary(b.closed, b.member.id()));
        on(SessionManagement.class, "state", SessionId.class).notFound(() -> sessions.state(b.closed.id()));
        on(fi.arki.session.FacilitationManagement.class, "goTo", SessionId.class, int.class).notFound(() -> {
            facilitation.goTo(running, 1);
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "reveal", SessionId.class, int.class, boolean.class).notFound(() -> {
            facilitation.reveal(running, 1, true);
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "lock", SessionId.class, int.class, boolean.class).notFound(() -> {
            facilitation.lock(running, 1, true);
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "timer", SessionId.class, Duration.class).notFound(() -> {
            facilitation.timer(running, Duration.ofMinutes(5));
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "close", SessionId.class).notFound(() -> {
            facilitation.close(running);
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "closeIfIdle", SessionId.class, Duration.class).refused(() -> facilitation.closeIfIdle(running, Duration.ZERO));
        on(fi.arki.session.FacilitationManagement.class, "handOver", SessionId.class, PersonId.class).notFound(() -> {
            facilitation.handOver(running, b.admin.id());
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "addCoFacilitator", SessionId.class, PersonId.class).notFound(() -> {
            facilitation.addCoFacilitator(running, b.admin.id());
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "saveGroup", SessionId.class, int.class, UUID.class, String.class).notFound(() -> {
            facilitation.saveGroup(running, 2, b.group, "Relabelled");
            return null;
        });
        // B's session is not found under A's binding, so none of B's answers is analyzed or suggested
        on(fi.arki.session.GroupingSuggestionManagement.class, "suggest", SessionId.class, int.class).notFound(() ->
                bean(fi.arki.session.GroupingSuggestionManagement.class).suggest(b.closed.id(), 2));
        on(fi.arki.session.NoNewTargetManagement.class, "decide", SessionId.class, int.class).notFound(() -> {
            bean(fi.arki.session.NoNewTargetManagement.class).decide(running, 5);
            return null;
        });
        on(fi.arki.session.NoNewTargetManagement.class, "withdraw", SessionId.class, int.class).notFound(() -> {
            bean(fi.arki.session.NoNewTargetManagement.class).withdraw(running, 5);
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "assign", SessionId.class, int.class, UUID.class, UUID.class).notFound(() -> {
            facilitation.assign(b.closed.id(), 2, b.answer, null);
            return null;
        });
        on(fi.arki.session.FacilitationManagement.class, "markTouchpoint", SessionId.class, int.class, UUID.class, String.class, boolean.class)
                .notFound(() -> {
                    facilitation.markTouchpoint(b.closed.id(), 8, b.touchpoint, "end", true);
                    return null;
                });
        on(fi.arki.session.FacilitationManagement.class, "commitTarget", SessionId.class, int.class, TargetId.class, String.class, PersonId.class,
                String.class, LocalDate.class, String.class)
                .notFound(() -> facilitation.commitTarget(running, 5, TargetId.random(), "A target", b.member.id(), null, NEXT_MONTH, null));
        on(fi.arki.session.FacilitationManagement.class, "reviewTarget", SessionId.class, TargetId.class, ReviewOutcome.class, String.class)
                .notFound(() -> {
                    facilitation.reviewTarget(running, b.target, ReviewOutcome.DONE, "Done");
                    return null;
                });
    }

    private void participants() {
        ParticipantManagement participants = bean(ParticipantManagement.class);
        fi.arki.session.JoinManagement joins = bean(fi.arki.session.JoinManagement.class);
        SessionId running = b.running.id();
        ParticipantId p = b.runningJoined.participant();
        on(fi.arki.session.JoinManagement.class, "join", SessionId.class, Joiner.class)
                .notFound(() -> joins.join(running, Joiner.guest("Guest", null, Language.FI)));
        on(fi.arki.session.JoinManagement.class, "unitsOf", SessionInfo.class).empty(() -> joins.unitsOf(b.closed));
        on(fi.arki.session.JoinManagement.class, "joinInfo", SessionInfo.class)
                .returns("A's own join page: its name and settings, none of B's units", r -> r.toString().contains(a.marker),
                        () -> joins.joinInfo(b.closed));
        on(fi.arki.session.JoinManagement.class, "resume", SessionId.class, String.class).empty(() -> joins.resume(b.closed.id(),
                b.memberJoined.token()));
        on(fi.arki.session.ParticipantLanguageManagement.class, "languageOf", SessionId.class, ParticipantId.class)
                .empty(() -> bean(fi.arki.session.ParticipantLanguageManagement.class).languageOf(running, p));
        on(ParticipantManagement.class, "changeLanguage", SessionId.class, ParticipantId.class, Language.class).empty(() -> {
            participants.changeLanguage(running, p, Language.SV);
            return null;
        });
        on(ParticipantManagement.class, "writeAnswer", SessionId.class, ParticipantId.class, int.class, UUID.class, Lane.class, String.class)
                .notFound(() -> participants.writeAnswer(running, p, 1, UUID.randomUUID(), null, "An answer"));
        on(ParticipantManagement.class, "deleteAnswer", SessionId.class, ParticipantId.class, int.class, UUID.class).notFound(() -> {
            participants.deleteAnswer(b.closed.id(), b.memberJoined.participant(), 1, b.answer);
            return null;
        });
        on(ParticipantManagement.class, "setDots", SessionId.class, ParticipantId.class, int.class, UUID.class, int.class)
                .notFound(() -> participants.setDots(running, p, 3, b.group, 1));
        on(ParticipantManagement.class, "rate", SessionId.class, ParticipantId.class, int.class, int.class)
                .notFound(() -> participants.rate(running, p, 4, 1));
        on(ParticipantManagement.class, "addTouchpoint", SessionId.class, ParticipantId.class, int.class, UUID.class,
                Activity.JourneyStage.class, Activity.TouchpointOwner.class, String.class, int.class, int.class)
                .notFound(() -> participants.addTouchpoint(running, p, 8, UUID.randomUUID(), Activity.JourneyStage.CORE,
                        Activity.TouchpointOwner.DIGITAL, "A touchpoint", 2, 2));
    }

    private void tenancy() {
        TenantManagement tenants = bean(TenantManagement.class);
        TenantSettingsManagement settings = bean(TenantSettingsManagement.class);
        on(TenantManagement.class, "create", TenantId.class, String.class, String.class)
                .refused(() -> tenants.create(TenantId.random(), "someone-new", "Someone"));
        on(TenantManagement.class, "rename", TenantId.class, String.class).refused(() -> tenants.rename(b.tenant, "Renamed"));
        on(TenantManagement.class, "find", TenantId.class).empty(() -> tenants.find(b.tenant));
        on(TenantManagement.class, "findBySlug", String.class).empty(() -> tenants.findBySlug(b.marker + "-org"));
        on(TenantManagement.class, "all").refused(tenants::all);
        on(TenantManagement.class, "overview").refused(tenants::overview);
        on(TenantManagement.class, "linkOrganization", TenantId.class, String.class).refused(() -> {
            tenants.linkOrganization(a.tenant, b.organization);
            return null;
        });
        on(TenantManagement.class, "unlinkOrganization", String.class).refused(() -> {
            tenants.unlinkOrganization(b.organization);
            return null;
        });
        on(TenantManagement.class, "tenantOfOrganization", String.class).refused(() -> tenants.tenantOfOrganization(b.organization));
        on(TenantManagement.class, "beginMerge", TenantId.class, TenantId.class).refused(() -> tenants.beginMerge(b.tenant, a.tenant));
        on(TenantManagement.class, "completeMerge", TenantMerge.class).refused(() -> {
            tenants.completeMerge(null);
            return null;
        });
        on(TenantSettingsManagement.class, "current").returns("A's own settings", r -> r.toString().contains(a.marker + "-inessive"),
                settings::current);
        on(TenantSettingsManagement.class, "update", TenantSettings.class).rollback()
                .returns("A's own settings saved", r -> r instanceof TenantSettings, () -> settings.update(TenantSettings.defaults()));
        on(TenantSettingsManagement.class, "sharesInRollup").returns("A's own choice", r -> r instanceof Boolean, settings::sharesInRollup);
        on(TenantSettingsManagement.class, "shareInRollup", boolean.class).rollback().empty(() -> {
            settings.shareInRollup(true);
            return null;
        });
        on(fi.arki.insight.RollupManagement.class, "rollup", Instant.class, Language.class)
                .refused(() -> bean(fi.arki.insight.RollupManagement.class).rollup(Instant.EPOCH, Language.FI));
    }

    private void admin() {
        TenantLifecycleManagement lifecycle = bean(TenantLifecycleManagement.class);
        on(TenantLifecycleManagement.class, "create", String.class, String.class).refused(() -> lifecycle.create("someone-new", "Someone"));
        on(TenantLifecycleManagement.class, "rename", TenantId.class, String.class).refused(() -> lifecycle.rename(b.tenant, "Renamed"));
        on(TenantLifecycleManagement.class, "overview").refused(lifecycle::overview);
        on(TenantLifecycleManagement.class, "linkOrganization", TenantId.class, String.class).refused(() -> {
            lifecycle.linkOrganization(a.tenant, b.organization);
            return null;
        });
        on(TenantLifecycleManagement.class, "unlinkOrganization", String.class).refused(() -> {
            lifecycle.unlinkOrganization(b.organization);
            return null;
        });
        on(TenantLifecycleManagement.class, "peopleOf", TenantId.class).refused(() -> lifecycle.peopleOf(b.tenant));
        on(TenantLifecycleManagement.class, "rolesOf", TenantId.class, PersonId.class).refused(() -> lifecycle.rolesOf(b.tenant, b.admin.id()));
        on(TenantLifecycleManagement.class, "setTenantAdmin", TenantId.class, PersonId.class, boolean.class).refused(() -> {
            lifecycle.setTenantAdmin(b.tenant, b.member.id(), true);
            return null;
        });
        on(TenantLifecycleManagement.class, "createLocalTenantAdmin", TenantId.class, String.class, String.class, String.class, String.class)
                .refused(() -> lifecycle.createLocalTenantAdmin(b.tenant, "someone-new", "Someone", null, "first-password-1"));
        on(TenantLifecycleManagement.class, "merge", TenantId.class, TenantId.class).refused(() -> lifecycle.merge(b.tenant, a.tenant));
    }

    /**
     * The data lifecycle. A tenant administrator exports their own tenant: the whole file, every
     * participant's tables unzipped, holds none of B's texts or ids (this is also the case of the
     * {@code …Data} participants' exports, see
     * {@link CrossTenantReadsIntegrationTests#DATABASE_CLASSES_WITHOUT_CASES}). Everything else
     * (another tenant's export, restore, deletion, the retention purge) is the platform's or Arki's
     * own and refused to A.
     */
    private void lifecycle() {
        TenantExportManagement exports = bean(TenantExportManagement.class);
        TenantLifecycleManagement lifecycle = bean(TenantLifecycleManagement.class);
        TenantManagement tenants = bean(TenantManagement.class);
        AccountManagement accounts = bean(AccountManagement.class);
        SessionRetentionManagement sessionRetention = bean(SessionRetentionManagement.class);
        TargetRetentionManagement targetRetention = bean(TargetRetentionManagement.class);
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "arki-cross-tenant-" + b.marker + ".zip");
        String bSlug = b.marker + "-org";

        on(TenantExportManagement.class, "exportOwnTenant", OutputStream.class)
                .returns("A's own export: its people, their accounts, settings and decks (every file unzipped)",
                        r -> r.toString().contains(a.text("Admin")) && r.toString().contains("\"subject\" : \"" + a.adminUsername + "\"")
                                && r.toString().contains(a.marker + "-inessive") && r.toString().contains("tables/person.json"),
                        () -> {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            TenantExport.ExportSummary summary = exports.exportOwnTenant(out);
                            return summary + "\n" + unzipped(out.toByteArray());
                        });
        on(TenantExportManagement.class, "exportTenant", TenantId.class, OutputStream.class)
                .refused(() -> exports.exportTenant(b.tenant, new ByteArrayOutputStream()));
        on(TenantExportManagement.class, "importTenant", Path.class, String.class, String.class)
                .refused(() -> exports.importTenant(nowhere, "someone-new", "Someone"));
        on(TenantLifecycleManagement.class, "delete", TenantId.class, String.class).refused(() -> lifecycle.delete(b.tenant, bSlug));

        on(TenantManagement.class, "beginOwnExport", OutputStream.class).rollback()
                .returns("an export of A itself, never another tenant", r -> r instanceof TenantExport e && e.tenant().id().equals(a.tenant),
                        () -> tenants.beginOwnExport(new ByteArrayOutputStream()));
        on(TenantManagement.class, "beginExport", TenantId.class, OutputStream.class)
                .refused(() -> tenants.beginExport(b.tenant, new ByteArrayOutputStream()));
        on(TenantManagement.class, "beginRestore", Path.class, TenantId.class, String.class, String.class, long.class)
                .refused(() -> tenants.beginRestore(nowhere, TenantId.random(), "someone-new", "Someone", 1_000_000));
        on(TenantManagement.class, "completeRestore", TenantRestore.class).refused(() -> {
            tenants.completeRestore(null);
            return null;
        });
        on(TenantManagement.class, "beginDeletion", TenantId.class, String.class).refused(() -> tenants.beginDeletion(b.tenant, bSlug));
        on(TenantManagement.class, "completeDeletion", TenantDeletion.class, int.class).refused(() -> {
            tenants.completeDeletion(null, 0);
            return null;
        });

        on(AccountManagement.class, "restoreAccount", TenantExport.AccountEntry.class).refused(() -> accounts.restoreAccount(
                new TenantExport.AccountEntry(b.memberAccount.value(), Account.LOCAL_ISSUER, b.memberUsername, "Someone", null, null)));
        on(AccountManagement.class, "deleteAccountsWithoutTenant", Collection.class, TenantId.class)
                .refused(() -> accounts.deleteAccountsWithoutTenant(List.of(b.memberAccount, b.adminAccount), b.tenant));
        on(AccountManagement.class, "deleteIfInNoTenant", AccountId.class).returns("B's account stays: it belongs to B",
                r -> Boolean.FALSE.equals(r), () -> accounts.deleteIfInNoTenant(b.memberAccount));
        on(PersonRemovalManagement.class, "remove", PersonId.class).notFound(() -> bean(PersonRemovalManagement.class).remove(b.member.id()));

        // A has closed no session; B's closed one is not counted
        on(SessionRetentionManagement.class, "preview", int.class).returns("A's preview: none of B's closed sessions counted",
                r -> r instanceof RetentionPreview p && p.sessions() == 0, () -> sessionRetention.preview(0));
        on(TargetRetentionManagement.class, "releaseForPurge", Collection.class)
                .refused(() -> targetRetention.releaseForPurge(List.of(b.closed.id().value(), b.running.id().value())));
        on(TargetRetentionManagement.class, "purgeFinishedBefore", Instant.class, int.class)
                .refused(() -> targetRetention.purgeFinishedBefore(Instant.now().plus(Duration.ofDays(3650)), 0));
    }

    /** Every entry of a zip, as text: name, then content. */
    static String unzipped(byte[] zip) {
        StringBuilder all = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                all.append(entry.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private void readApis() {
        StoredDeckCatalog catalog = bean(StoredDeckCatalog.class);
        LiveStates states = bean(LiveStates.class);
        InstalledDeck bsDeck = Actors.asSystem(() -> TenantContext.callAs(b.tenant, () -> catalog.find(b.deckId, "1.0.0").orElseThrow()));
        on(StoredDeckCatalog.class, "enabledForCurrentTenant").returns("A's decks", r -> r.toString().contains(a.marker),
                catalog::enabledForCurrentTenant);
        on(StoredDeckCatalog.class, "find", String.class, String.class).empty(() -> catalog.find(b.deckId, "1.0.0"));
        on(StoredDeckCatalog.class, "settings", InstalledDeck.class).allow(bsDeck.toString(), b.deckId)
                .returns("the deck's defaults, not B's value (4)", r -> ((DeckSettings) r).integer("vote-budget") == 3,
                        () -> catalog.settings(bsDeck));
        on(StoredDeckCatalog.class, "image", String.class, String.class, String.class).empty(() -> catalog.image(b.deckId, "1.0.0", "x.png"));
        on(StoredDeckCatalog.class, "allVisible").returns("the platform's and A's decks", nonEmpty(), catalog::allVisible);
        on(StoredDeckCatalog.class, "newestActive", String.class).empty(() -> catalog.newestActive(b.deckId));
        on(LiveStates.class, "current", SessionId.class).notFound(() -> states.current(b.running.id()));
    }

    // ---- the repositories (A bound to their transaction) ------------------------------------

    private void repositories() {
        auditEntries();
        deckRepositories();
        people();
        units();
        targets();
        ideas();
        accounts();
        sessionRows();
        retentionRows();
        tenantRows();
    }

    private void auditEntries() {
        AuditEntries entries = bean(AuditEntries.class);
        on(AuditEntries.class, "insert", String.class, AccountId.class, TenantId.class, AuditEvent.class)
                .platformTable("the audit log is a platform table; AuditManagement passes the bound tenant and refuses another's (AuditManagement#recordAbout)",
                        () -> {
                            entries.insert("someone", null, b.tenant, AuditEvent.of("test.cross-tenant", null, null));
                            return null;
                        });
        // row level security on the audit log (V85): B's entries are not there while A is bound
        on(AuditEntries.class, "newest", TenantId.class, int.class).empty(() -> entries.newest(b.tenant, 10));
    }

    private DeckReader.ReadDeck deckOfA(String id) {
        return new DeckReader(DeckReader.runningPlatformVersion()).read(new DeckFiles(CrossTenantSeed.deckFiles(id, a.marker))).deck();
    }

    private void deckRepositories() {
        PlatformDecks platform = bean(PlatformDecks.class);
        TenantDecks tenant = bean(TenantDecks.class);
        on(PlatformDecks.class, "insert", DeckReader.ReadDeck.class, DeckOrigin.class, String.class, AccountId.class)
                .platformTable("platform decks are every tenant's; only the registry and DeckManagement#install (platform administrators) store them",
                        () -> {
                            platform.insert(deckOfA(a.marker + "-platform"), DeckOrigin.PLATFORM_PACKAGE, null, null);
                            return null;
                        });
        // the registry's start-up path (issue 13 item 2): a lock on a deck id and an insert that another node may have done first
        on(PlatformDecks.class, "insertIfAbsent", DeckReader.ReadDeck.class, DeckOrigin.class).rollback()
                .returns("stored once, as the registry does at start-up; a second call stores nothing", r -> Boolean.FALSE.equals(r), () -> {
                    platform.insertIfAbsent(deckOfA(a.marker + "-registry"), DeckOrigin.CODE);
                    return platform.insertIfAbsent(deckOfA(a.marker + "-registry"), DeckOrigin.CODE);
                });
        on(PlatformDecks.class, "lockDeck", String.class).rollback()
                .returns("a transaction lock on a deck id: no row, no tenant's data", r -> r == null, () -> {
                    platform.lockDeck(b.deckId);
                    return null;
                });
        on(PlatformDecks.class, "find", String.class, String.class).empty(() -> platform.find(b.deckId, "1.0.0"));
        on(PlatformDecks.class, "all").returns("the platform's decks, none of them B's own", nonEmpty(), platform::all);
        on(PlatformDecks.class, "hasDeck", String.class).empty(() -> platform.hasDeck(b.deckId));
        on(PlatformDecks.class, "image", String.class, String.class, String.class).empty(() -> platform.image(b.deckId, "1.0.0", "x.png"));
        // the deck registry's start-up record of built-in decks that failed: the platform's, no tenant's data in it
        on(PlatformDecks.class, "replaceFailures", List.class).rollback()
                .returns("the platform's record replaced, as told", r -> r instanceof List<?> l && l.isEmpty(), () -> {
                    platform.replaceFailures(List.of());
                    return platform.failures();
                });
        on(PlatformDecks.class, "failures").returns("the platform's failed decks", r -> r instanceof List<?>, platform::failures);

        on(TenantDecks.class, "insert", TenantId.class, DeckReader.ReadDeck.class, String.class, AccountId.class).refusedByDatabase(() -> {
            tenant.insert(b.tenant, deckOfA(a.marker + "-into-b"), null, null);
            return null;
        });
        on(TenantDecks.class, "find", String.class, String.class).empty(() -> tenant.find(b.deckId, "1.0.0"));
        on(TenantDecks.class, "all").returns("A's own decks", r -> r.toString().contains(a.marker), tenant::all);
        on(TenantDecks.class, "hasDeck", String.class).empty(() -> tenant.hasDeck(b.deckId));
        on(TenantDecks.class, "image", String.class, String.class, String.class).empty(() -> tenant.image(b.deckId, "1.0.0", "x.png"));
        on(TenantDecks.class, "enabledDeckIds").returns("A's enabled decks", r -> r.toString().contains(a.marker), tenant::enabledDeckIds);
        on(TenantDecks.class, "enable", TenantId.class, String.class, AccountId.class).refusedByDatabase(() -> tenant.enable(b.tenant, b.deckId, null));
        on(TenantDecks.class, "disable", String.class).empty(() -> tenant.disable(b.deckId));
        on(TenantDecks.class, "settings", String.class).empty(() -> tenant.settings(b.deckId));
        on(TenantDecks.class, "replaceSettings", TenantId.class, String.class, Map.class).refusedByDatabase(() -> {
            tenant.replaceSettings(b.tenant, b.deckId, Map.of("vote-budget", "9"));
            return null;
        });
    }

    private void people() {
        People people = bean(People.class);
        on(People.class, "insert", TenantId.class, Person.class).refusedByDatabase(() -> {
            people.insert(b.tenant, new Person(PersonId.random(), "Someone", null, null));
            return null;
        });
        // arki_add_membership (V85) adds to the bound tenant only, and only an account one of its people stands for
        on(People.class, "linkAccount", AccountId.class, TenantId.class).refusedByDatabase(() -> {
            people.linkAccount(b.memberAccount, a.tenant);
            return null;
        });
        on(People.class, "grant", TenantId.class, PersonId.class, Role.class).refusedByDatabase(() -> people.grant(b.tenant, b.member.id(), Role.TENANT_ADMIN));
        on(People.class, "revoke", PersonId.class, Role.class).empty(() -> people.revoke(b.admin.id(), Role.TENANT_ADMIN));
        on(People.class, "countWithRole", Role.class).returns("A's one administrator", r -> Integer.valueOf(1).equals(r),
                () -> people.countWithRole(Role.TENANT_ADMIN));
        on(People.class, "find", PersonId.class).empty(() -> people.find(b.member.id()));
        on(People.class, "findCurrent", PersonId.class).empty(() -> people.findCurrent(b.member.id()));
        on(People.class, "remove", TenantId.class, PersonId.class, AccountId.class).returns("nothing removed: A has no such person",
                r -> Boolean.FALSE.equals(r), () -> people.remove(a.tenant, b.member.id(), b.memberAccount));
        on(People.class, "update", Person.class).empty(() -> {
            people.update(new Person(b.member.id(), "Renamed", null, null));
            return null;
        });
        on(People.class, "withoutAccountByEmail", String.class).empty(() -> people.withoutAccountByEmail(b.facilitator.email()));
        on(People.class, "setAccount", PersonId.class, AccountId.class).empty(() -> {
            people.setAccount(b.facilitator.id(), a.adminAccount);
            return null;
        });
        on(People.class, "removeFromTeam", TeamId.class, PersonId.class).empty(() -> {
            people.removeFromTeam(b.team.id(), b.member.id());
            return null;
        });
        on(People.class, "teamsOf", PersonId.class).empty(() -> people.teamsOf(b.member.id()));
        on(People.class, "addToTeam", TenantId.class, TeamId.class, PersonId.class, boolean.class).refusedByDatabase(() -> {
            people.addToTeam(b.tenant, b.team.id(), b.admin.id(), true);
            return null;
        });
        on(People.class, "findByAccount", AccountId.class).empty(() -> people.findByAccount(b.memberAccount));
        on(People.class, "all").returns("A's people", r -> r.toString().contains(a.marker), people::all);
        on(People.class, "membersOf", TeamId.class).empty(() -> people.membersOf(b.team.id()));
        on(People.class, "rolesOf", PersonId.class).empty(() -> people.rolesOf(b.admin.id()));
        on(People.class, "tenantsOf", AccountId.class)
                .platformTable("account → tenant index read at sign-in; DirectoryManagement#tenantsOf answers only the account's own user",
                        () -> people.tenantsOf(b.memberAccount));
    }

    private void units() {
        Units units = bean(Units.class);
        on(Units.class, "insertUnit", TenantId.class, Unit.class).refusedByDatabase(() -> {
            units.insertUnit(b.tenant, new Unit(UnitId.random(), "Unit"));
            return null;
        });
        on(Units.class, "insertTeam", TenantId.class, Team.class).refusedByDatabase(() -> {
            units.insertTeam(b.tenant, new Team(TeamId.random(), b.unit.id(), "Team"));
            return null;
        });
        on(Units.class, "renameUnit", UnitId.class, String.class).empty(() -> {
            units.renameUnit(b.unit.id(), "Renamed");
            return null;
        });
        on(Units.class, "renameTeam", TeamId.class, String.class).empty(() -> {
            units.renameTeam(b.team.id(), "Renamed");
            return null;
        });
        on(Units.class, "units").returns("A's units", r -> r.toString().contains(a.marker), units::units);
        on(Units.class, "moveTeam", TeamId.class, UnitId.class).empty(() -> {
            units.moveTeam(b.team.id(), b.unit.id());
            return null;
        });
        on(Units.class, "deleteTeam", TeamId.class).returns("nothing deleted: A has no such team",
                r -> Boolean.FALSE.equals(r), () -> units.deleteTeam(b.team.id()));
        on(Units.class, "deleteUnit", UnitId.class).returns("nothing deleted: A has no such unit",
                r -> Boolean.FALSE.equals(r), () -> units.deleteUnit(b.unit.id()));
        on(Units.class, "findUnit", UnitId.class).empty(() -> units.findUnit(b.unit.id()));
        on(Units.class, "unitNamed", String.class).empty(() -> units.unitNamed(b.unit.name()));
        on(Units.class, "teamsOf", UnitId.class).empty(() -> units.teamsOf(b.unit.id()));
        on(Units.class, "teams").returns("A's teams", r -> r.toString().contains(a.marker), units::teams);
        on(Units.class, "findTeam", TeamId.class).empty(() -> units.findTeam(b.team.id()));
    }

    private void ideas() {
        Ideas ideas = bean(Ideas.class);
        on(Ideas.class, "insert", TenantId.class, IdeaDraft.class, PersonId.class).refusedByDatabase(() -> ideas.insert(b.tenant,
                new IdeaDraft(IdeaId.random(), b.team.id(), null, null, "An idea"), b.member.id()));
        on(Ideas.class, "find", IdeaId.class).empty(() -> ideas.find(b.idea));
        on(Ideas.class, "fromAnswer", TeamId.class, UUID.class).empty(() -> ideas.fromAnswer(b.team.id(), b.answer));
        on(Ideas.class, "of", Collection.class).empty(() -> ideas.of(List.of(b.team.id())));
        on(Ideas.class, "fromSession", UUID.class).empty(() -> ideas.fromSession(b.closed.id().value()));
        on(Ideas.class, "all").empty(ideas::all);
        on(Ideas.class, "respond", IdeaId.class, IdeaStatus.class, String.class).empty(() -> ideas.respond(b.idea, IdeaStatus.DONE, "Done"));
        on(Ideas.class, "delete", IdeaId.class).empty(() -> ideas.delete(b.idea));
        on(Ideas.class, "countsByStatus").returns("A's counts, all zero (A has no ideas)",
                r -> r instanceof Map<?, ?> m && m.values().stream().allMatch(v -> Integer.valueOf(0).equals(v)), ideas::countsByStatus);
    }

    private void targets() {
        Targets targets = bean(Targets.class);
        on(Targets.class, "insert", TenantId.class, TargetDraft.class).refusedByDatabase(() -> targets.insert(b.tenant, new TargetDraft(TargetId.random(),
                b.team.id(), null, "A target", null, "Someone", NEXT_MONTH, null)));
        on(Targets.class, "find", TargetId.class).empty(() -> targets.find(b.target));
        on(Targets.class, "openOf", Collection.class).empty(() -> targets.openOf(List.of(b.team.id())));
        on(Targets.class, "of", TeamId.class).empty(() -> targets.of(b.team.id()));
        on(Targets.class, "committedIn", UUID.class).empty(() -> targets.committedIn(b.closed.id().value()));
        on(Targets.class, "review", TenantId.class, TargetId.class, UUID.class, String.class, String.class, String.class).refusedByDatabase(() -> {
            targets.review(b.tenant, b.target, b.running.id().value(), "done", "Done", "done");
            return null;
        });
        on(Targets.class, "reviewsIn", UUID.class).empty(() -> targets.reviewsIn(b.running.id().value()));
    }

    private void accounts() {
        Accounts accounts = bean(Accounts.class);
        String why = "accounts are a platform table, read at sign-in before a tenant is bound; AccountManagement shows a caller only their own"
                + " account and those of the bound tenant's people (AccountManagement#find, #findLocal, #memberships)";
        Account fresh = new Account(AccountId.random(), Account.LOCAL_ISSUER, "someone-" + a.marker, "Someone", null, false, null);
        on(Accounts.class, "insert", Account.class, String.class).platformTable(why, () -> {
            accounts.insert(fresh, null);
            return null;
        });
        on(Accounts.class, "insert", Account.class, String.class, boolean.class).platformTable(why, () -> {
            accounts.insert(fresh, null, true);
            return null;
        });
        on(Accounts.class, "exists", AccountId.class).platformTable(why + "; only AccountManagement#restoreAccount (platform administrators)"
                + " asks, to keep an exported id", () -> accounts.exists(b.memberAccount));
        // only AccountManagement#deleteAccountsWithoutTenant (platform administrators, after a deletion) deletes one; and even
        // the repository cannot delete an account a tenant's person still names: the foreign key refuses (its message echoes
        // the id A passed in)
        on(Accounts.class, "delete", AccountId.class).allow(b.memberAccount.value().toString()).refusedByDatabase(() -> accounts.delete(b.memberAccount));
        on(Accounts.class, "find", AccountId.class).platformTable(why, () -> accounts.find(b.memberAccount));
        on(Accounts.class, "find", String.class, String.class).platformTable(why, () -> accounts.find(Account.LOCAL_ISSUER, b.memberUsername));
        LocalLogins logins = bean(LocalLogins.class);
        String login = "the local sign-in's two statements on accounts (a platform table, before any tenant is bound), run only by"
                + " identity.internal.LocalAccounts for the LocalSignIn of Spring Security's sign-in";
        on(LocalLogins.class, "claim", String.class, int.class, java.time.Duration.class).platformTable(login,
                () -> logins.claim(b.memberUsername, 5, java.time.Duration.ofMinutes(15)));
        on(LocalLogins.class, "succeeded", AccountId.class).platformTable(login, () -> {
            logins.succeeded(b.memberAccount);
            return null;
        });
        on(Accounts.class, "localCredentials", AccountId.class).platformTable(why, () -> accounts.localCredentials(b.memberAccount));
        on(Accounts.class, "setPassword", AccountId.class, String.class, boolean.class).platformTable(why, () -> {
            accounts.setPassword(b.memberAccount, "$2a$10$abcdefghijklmnopqrstuuN1Zrj6Yy3C0b3CqP7m1oV3aO0B0.0hK", false);
            return null;
        });
        on(Accounts.class, "unlock", AccountId.class).platformTable(why, () -> {
            accounts.unlock(b.memberAccount);
            return null;
        });
        on(Accounts.class, "passwordChangeRequired", AccountId.class).platformTable(why, () -> accounts.passwordChangeRequired(b.memberAccount));
        on(Accounts.class, "localStatus", Collection.class).platformTable(why, () -> accounts.localStatus(List.of(b.memberAccount)));
        on(Accounts.class, "updateFromIdentityProvider", AccountId.class, String.class, String.class, boolean.class).platformTable(why, () -> {
            accounts.updateFromIdentityProvider(b.memberAccount, "Renamed", null, false);
            return null;
        });
    }

    private void sessionRows() {
        Sessions sessions = bean(Sessions.class);
        var participantRows = bean(fi.arki.session.internal.ParticipantRows.class);
        var contributions = bean(fi.arki.session.internal.ContributionRows.class);
        var groupings = bean(fi.arki.session.internal.GroupingRows.class);
        SessionId closed = b.closed.id();
        SessionId running = b.running.id();
        ParticipantId p = b.memberJoined.participant();
        String joinCodes = "join codes are a platform table resolved before a tenant is known (ids only);";
        on(Sessions.class, "insert", TenantId.class, SessionId.class, String.class, String.class, String.class, SessionMode.class,
                PersonId.class, List.class, List.class).refusedByDatabase(() -> {
                    sessions.insert(b.tenant, SessionId.random(), b.deckId, "1.0.0", "A session", SessionMode.NAMED, b.facilitator.id(),
                            List.of(b.team.id()), List.of());
                    return null;
                });
        on(Sessions.class, "insertJoinCode", String.class, TenantId.class, SessionId.class, OffsetDateTime.class)
                .platformTable(joinCodes + " SessionStartManagement#start stores one for the session it has just made, under the bound tenant",
                        () -> sessions.insertJoinCode("ZZ23456789", b.tenant, running, OffsetDateTime.now().plusDays(1)));
        on(Sessions.class, "resolveJoinCode", String.class)
                .platformTable(joinCodes + " SessionStartManagement#resolve shows what it gives away: ids only", () -> sessions.resolveJoinCode(b.running.joinCode()));
        on(Sessions.class, "openSessionsAcrossTenants")
                .platformTable(joinCodes + " the idle job reads them across tenants and closes each session under its own tenant",
                        sessions::openSessionsAcrossTenants);
        on(Sessions.class, "deleteJoinCode", TenantId.class, SessionId.class)
                .platformTable(joinCodes + " FacilitationManagement deletes one only after closing the bound tenant's own session", () -> {
                    sessions.deleteJoinCode(b.tenant, running);
                    return null;
                });
        on(Sessions.class, "find", SessionId.class).empty(() -> sessions.find(closed));
        on(Sessions.class, "recordsSince", OffsetDateTime.class).empty(() -> sessions.recordsSince(OffsetDateTime.parse("2000-01-01T00:00:00Z")));
        on(Sessions.class, "ratingCountsSince", OffsetDateTime.class)
                .empty(() -> sessions.ratingCountsSince(OffsetDateTime.parse("2000-01-01T00:00:00Z")));
        on(Sessions.class, "ofTeams", Collection.class).empty(() -> sessions.ofTeams(List.of(b.team.id())));
        on(Sessions.class, "runningFacilitatedBy", PersonId.class).empty(() -> sessions.runningFacilitatedBy(b.facilitator.id()));
        on(Sessions.class, "isFacilitator", SessionId.class, PersonId.class).empty(() -> sessions.isFacilitator(running, b.facilitator.id()));
        on(Sessions.class, "isLead", SessionId.class, PersonId.class).empty(() -> sessions.isLead(running, b.facilitator.id()));
        on(Sessions.class, "lockRunning", SessionId.class).empty(() -> sessions.lockRunning(running));
        on(Sessions.class, "stepIndex", SessionId.class, String.class, String.class).empty(() -> sessions.stepIndex(running, "talk", "q"));
        on(Sessions.class, "stepCount", SessionId.class).empty(() -> sessions.stepCount(running));
        // a version-returning write finds no row to return a version of
        on(Sessions.class, "goTo", SessionId.class, int.class).fails(NullPointerException.class, () -> sessions.goTo(running, 1));
        on(Sessions.class, "setTimer", SessionId.class, OffsetDateTime.class).fails(NullPointerException.class,
                () -> sessions.setTimer(running, OffsetDateTime.now().plusMinutes(5)));
        on(Sessions.class, "touch", SessionId.class).fails(NullPointerException.class, () -> sessions.touch(running));
        on(Sessions.class, "noteActivity", SessionId.class).empty(() -> {
            sessions.noteActivity(running);
            return null;
        });
        on(Sessions.class, "setStepFlag", SessionId.class, int.class, boolean.class, boolean.class).fails(NullPointerException.class,
                () -> sessions.setStepFlag(running, 1, true, true));
        on(Sessions.class, "close", SessionId.class, String.class, Duration.class).empty(() -> sessions.close(running, "test", null));
        on(Sessions.class, "addFacilitator", TenantId.class, SessionId.class, PersonId.class, boolean.class).refusedByDatabase(() -> {
            sessions.addFacilitator(b.tenant, running, b.admin.id(), false);
            return null;
        });
        on(fi.arki.session.internal.GroupingRows.class, "createGroup", TenantId.class, SessionId.class, int.class, UUID.class, String.class)
                .refusedByDatabase(() -> groupings.createGroup(b.tenant, running, 2, UUID.randomUUID(), "A group"));
        on(fi.arki.session.internal.GroupingRows.class, "groupExists", SessionId.class, int.class, UUID.class).empty(() -> groupings.groupExists(closed, 2, b.group));
        // B's group of its vote's group step is offered in B, not to A
        on(fi.arki.session.internal.VoteOptions.class, "offers", SessionId.class, int.class, Integer.class, UUID.class)
                .empty(() -> bean(fi.arki.session.internal.VoteOptions.class).offers(closed, 2, 1, b.group));
        on(fi.arki.session.internal.HeldAnswers.class, "release", SessionInfo.class, int.class)
                .empty(() -> bean(fi.arki.session.internal.HeldAnswers.class).release(b.running, 1));
        // B's commit step and its "no new target" are not A's to see or change
        on(fi.arki.session.internal.NoNewTargets.class, "set", SessionId.class, int.class, boolean.class)
                .empty(() -> bean(fi.arki.session.internal.NoNewTargets.class).set(running, 5, true));
        on(fi.arki.session.internal.NoNewTargets.class, "clearAll", SessionId.class)
                .empty(() -> bean(fi.arki.session.internal.NoNewTargets.class).clearAll(running));
        on(fi.arki.session.internal.NoNewTargets.class, "steps", SessionId.class)
                .empty(() -> bean(fi.arki.session.internal.NoNewTargets.class).steps(running));
        // B's running session has no secret A could make or read, and no participant A could find or key
        on(fi.arki.session.internal.PersonKeys.class, "keyOf", SessionId.class, PersonId.class)
                .empty(() -> bean(fi.arki.session.internal.PersonKeys.class).keyOf(running, b.member.id()));
        on(fi.arki.session.internal.PersonKeys.class, "participantWith", SessionId.class, byte[].class)
                .empty(() -> bean(fi.arki.session.internal.PersonKeys.class).participantWith(running, new byte[32]));
        on(fi.arki.session.internal.PersonKeys.class, "attach", SessionId.class, ParticipantId.class, byte[].class).empty(() -> {
            bean(fi.arki.session.internal.PersonKeys.class).attach(running, b.runningJoined.participant(), new byte[32]);
            return null;
        });
        on(fi.arki.session.internal.GroupingRows.class, "answerExists", SessionId.class, int.class, UUID.class).empty(() -> groupings.answerExists(closed, 1, b.answer));
        on(fi.arki.session.internal.GroupingRows.class, "assignGroup", TenantId.class, SessionId.class, int.class, UUID.class, UUID.class)
                .refusedByDatabase(() -> groupings.assignGroup(b.tenant, closed, 2, b.answer, b.group));
        on(fi.arki.session.internal.ContributionRows.class, "markTouchpoint", SessionId.class, UUID.class, String.class, boolean.class).fails(NullPointerException.class,
                () -> contributions.markTouchpoint(closed, b.touchpoint, "improve", true));
        on(fi.arki.session.internal.ContributionRows.class, "improveCount", SessionId.class, int.class).empty(() -> contributions.improveCount(closed, 8));
        on(Sessions.class, "stepState", SessionId.class, int.class).empty(() -> sessions.stepState(running, 1));
        on(fi.arki.session.internal.ParticipantRows.class, "insertParticipant", TenantId.class, SessionId.class, ParticipantId.class, PersonId.class, boolean.class,
                String.class, UnitId.class, TeamId.class, Language.class, String.class).refusedByDatabase(() -> {
                    participantRows.insertParticipant(b.tenant, running, ParticipantId.random(), null, true, "Guest", null, null, Language.FI, "x");
                    return null;
                });
        on(fi.arki.session.internal.ParticipantRows.class, "participantOfPerson", SessionId.class, PersonId.class).empty(() -> participantRows.participantOfPerson(closed, b.member.id()));
        on(fi.arki.session.internal.ParticipantRows.class, "forgetNamesOf", PersonId.class).returns("no participant of B's loses a name",
                r -> Integer.valueOf(0).equals(r), () -> participantRows.forgetNamesOf(b.member.id()));
        on(fi.arki.session.internal.ParticipantRows.class, "secretHash", SessionId.class, ParticipantId.class).empty(() -> participantRows.secretHash(closed, p));
        on(fi.arki.session.internal.ParticipantLanguages.class, "of", SessionId.class, ParticipantId.class)
                .empty(() -> bean(fi.arki.session.internal.ParticipantLanguages.class).of(closed, p));
        on(fi.arki.session.internal.ParticipantRows.class, "setSecretHash", SessionId.class, ParticipantId.class, String.class).empty(() -> {
            participantRows.setSecretHash(closed, p, "x");
            return null;
        });
        on(fi.arki.session.internal.ParticipantRows.class, "setLanguage", SessionId.class, ParticipantId.class, Language.class).empty(() -> {
            participantRows.setLanguage(closed, p, Language.EN);
            return null;
        });
        on(fi.arki.session.internal.ParticipantRows.class, "seen", SessionId.class, Collection.class, boolean.class).empty(() -> participantRows.seen(closed, List.of(p), true));
        on(fi.arki.session.internal.ParticipantRows.class, "unitOf", SessionId.class, ParticipantId.class).empty(() -> participantRows.unitOf(closed, b.guestJoined.participant()));
        on(fi.arki.session.internal.ParticipantRows.class, "lockParticipant", SessionId.class, ParticipantId.class).empty(() -> participantRows.lockParticipant(closed, p));
        on(fi.arki.session.internal.ContributionRows.class, "upsertAnswer", SessionId.class, ParticipantId.class, int.class, UUID.class, Lane.class, String.class)
                .empty(() -> contributions.upsertAnswer(running, b.runningJoined.participant(), 1, UUID.randomUUID(), null, "An answer"));
        on(fi.arki.session.internal.ContributionRows.class, "answer", SessionId.class, UUID.class).empty(() -> contributions.answer(closed, b.answer));
        on(fi.arki.session.internal.ContributionRows.class, "deleteAnswer", SessionId.class, ParticipantId.class, UUID.class)
                .returns("a new version number and nothing deleted (the snapshot)", r -> r instanceof Long, () -> contributions.deleteAnswer(closed, p, b.answer));
        on(fi.arki.session.internal.ContributionRows.class, "dotsElsewhere", SessionId.class, int.class, ParticipantId.class, UUID.class)
                .empty(() -> contributions.dotsElsewhere(closed, 3, p, UUID.randomUUID()));
        on(fi.arki.session.internal.ContributionRows.class, "setDots", TenantId.class, SessionId.class, int.class, ParticipantId.class, UUID.class, int.class)
                .refusedByDatabase(() -> contributions.setDots(b.tenant, closed, 3, p, b.group, 1));
        on(fi.arki.session.internal.ContributionRows.class, "rate", TenantId.class, SessionId.class, int.class, ParticipantId.class, int.class)
                .refusedByDatabase(() -> contributions.rate(b.tenant, closed, 4, p, 1));
        on(fi.arki.session.internal.ContributionRows.class, "addTouchpoint", TenantId.class, SessionId.class, int.class, ParticipantId.class, UUID.class,
                Activity.JourneyStage.class, Activity.TouchpointOwner.class, String.class, int.class, int.class)
                .refusedByDatabase(() -> contributions.addTouchpoint(b.tenant, closed, 8, p, UUID.randomUUID(), Activity.JourneyStage.POST,
                        Activity.TouchpointOwner.PARTNER, "A touchpoint", 1, 1));
        on(fi.arki.session.internal.ContributionRows.class, "touchpointExists", SessionId.class, UUID.class).empty(() -> contributions.touchpointExists(closed, b.touchpoint));
        on(fi.arki.session.internal.ContributionRows.class, "touchpointCount", SessionId.class, int.class, Activity.JourneyStage.class)
                .empty(() -> contributions.touchpointCount(closed, 8, Activity.JourneyStage.PRE));
        on(Sessions.class, "load", SessionId.class).empty(() -> sessions.load(closed));
        // the one-statement live read behind Sessions#load, on B's running session (it has a join code too)
        on(fi.arki.session.internal.SessionSnapshotQuery.class, "load", SessionId.class)
                .empty(() -> bean(fi.arki.session.internal.SessionSnapshotQuery.class).load(running));
    }

    private void retentionRows() {
        ExpiredSessions expired = bean(ExpiredSessions.class);
        TargetRetention targets = bean(TargetRetention.class);
        OffsetDateTime future = OffsetDateTime.now().plusYears(10);
        List<UUID> sessionsOfB = List.of(b.closed.id().value(), b.running.id().value());
        // A has closed no session: B's closed one is neither counted, locked nor deleted
        on(ExpiredSessions.class, "countClosedBefore", OffsetDateTime.class).empty(() -> expired.countClosedBefore(future));
        on(ExpiredSessions.class, "lockClosedBefore", OffsetDateTime.class, int.class).empty(() -> expired.lockClosedBefore(future, 100));
        // B's id and sessions, B's running session holding a join code (a platform table): nothing goes
        on(ExpiredSessions.class, "delete", TenantId.class, Collection.class).empty(() -> expired.delete(b.tenant, sessionsOfB));
        on(TargetRetention.class, "deleteReviewsIn", Collection.class).empty(() -> targets.deleteReviewsIn(sessionsOfB));
        on(TargetRetention.class, "deleteFinishedCommittedIn", Collection.class).empty(() -> targets.deleteFinishedCommittedIn(sessionsOfB));
        on(TargetRetention.class, "detachOpenCommittedIn", Collection.class).empty(() -> targets.detachOpenCommittedIn(sessionsOfB));
        on(TargetRetention.class, "deleteFinishedDetachedBefore", OffsetDateTime.class).empty(() -> targets.deleteFinishedDetachedBefore(future));
    }

    private void tenantRows() {
        Tenants tenants = bean(Tenants.class);
        TenantRows rows = bean(TenantRows.class);
        TenantSettingsRepository settings = bean(TenantSettingsRepository.class);
        String why = "the tenant catalogue is a platform table (read before a tenant is chosen); TenantManagement shows a tenant's users their own"
                + " tenant only (TenantManagement#find, #findBySlug) and the rest to platform administrators";
        on(Tenants.class, "insert", Tenant.class).platformTable(why, () -> {
            tenants.insert(new Tenant(TenantId.random(), "someone-" + a.marker, "Someone"));
            return null;
        });
        on(Tenants.class, "find", TenantId.class).platformTable(why, () -> tenants.find(b.tenant));
        on(Tenants.class, "findBySlug", String.class).platformTable(why, () -> tenants.findBySlug(b.marker + "-org"));
        on(Tenants.class, "slugTaken", String.class).platformTable(why, () -> tenants.slugTaken(b.marker + "-org"));
        on(Tenants.class, "all").platformTable(why, tenants::all);
        on(Tenants.class, "nameTaken", String.class, TenantId.class).platformTable(why, () -> tenants.nameTaken(b.text("Tenant"), a.tenant));
        on(Tenants.class, "rename", TenantId.class, String.class).platformTable(why, () -> {
            tenants.rename(b.tenant, "Renamed");
            return null;
        });
        on(Tenants.class, "mergedInto", TenantId.class).platformTable(why, () -> tenants.mergedInto(b.tenant));
        on(Tenants.class, "lockForMerge", TenantId.class, TenantId.class).platformTable(why, () -> {
            tenants.lockForMerge(b.tenant, a.tenant);
            return null;
        });
        on(Tenants.class, "markMerged", TenantId.class, TenantId.class).platformTable(why, () -> {
            tenants.markMerged(b.tenant, a.tenant);
            return null;
        });
        on(Tenants.class, "deleteSettings").rollback().empty(() -> {
            tenants.deleteSettings();
            return null;
        });
        on(Tenants.class, "overview").platformTable(why, tenants::overview);
        on(Tenants.class, "tenantOfOrganization", String.class).platformTable(why, () -> tenants.tenantOfOrganization(b.organization));
        on(Tenants.class, "link", String.class, TenantId.class).platformTable(why, () -> {
            tenants.link(b.organization + "-2", b.tenant);
            return null;
        });
        on(Tenants.class, "unlink", String.class).platformTable(why, () -> tenants.unlink(b.organization));
        on(Tenants.class, "moveOrganizations", TenantId.class, TenantId.class).platformTable(why, () -> tenants.moveOrganizations(b.tenant, a.tenant));
        String deletion = "; only TenantManagement#beginDeletion and #completeDeletion (platform administrators, refused to A in their"
                + " cases) lock, unlink and remove a tenant, the one the platform administrator named and confirmed";
        on(Tenants.class, "lock", TenantId.class).platformTable(why + deletion, () -> {
            tenants.lock(b.tenant);
            return null;
        });
        on(Tenants.class, "deleteOrganizations", TenantId.class).platformTable(why + deletion, () -> tenants.deleteOrganizations(b.tenant));
        // and even the repository cannot remove a tenant that accounts still belong to: the foreign key refuses
        on(Tenants.class, "deleteFromCatalogue", TenantId.class).allow(b.tenant.value().toString()).refusedByDatabase(() -> tenants.deleteFromCatalogue(b.tenant));
        on(TenantRows.class, "platformReferences", UUID.class).platformTable("counts (no ids, no texts) of the platform columns that point at"
                + " the tenant it is given; only TenantManagement#completeDeletion (platform administrators) asks, for the tenant being deleted",
                () -> rows.platformReferences(b.tenant.value()));
        on(TenantRows.class, "nonEmptyTables").returns("how many rows A has, table by table", r -> r instanceof Map<?, ?> m && !m.isEmpty(),
                rows::nonEmptyTables);
        on(TenantSettingsRepository.class, "current").returns("A's own settings", r -> r.toString().contains(a.marker + "-inessive"),
                settings::current);
        on(TenantSettingsRepository.class, "save", TenantId.class, TenantSettings.class).refusedByDatabase(() -> {
            settings.save(b.tenant, TenantSettings.defaults());
            return null;
        });
        on(TenantSettingsRepository.class, "sharesInRollup").returns("A's own choice", r -> r instanceof Boolean, settings::sharesInRollup);
        on(TenantSettingsRepository.class, "setSharesInRollup", TenantId.class, boolean.class).refusedByDatabase(() -> {
            settings.setSharesInRollup(b.tenant, true);
            return null;
        });
    }
}
