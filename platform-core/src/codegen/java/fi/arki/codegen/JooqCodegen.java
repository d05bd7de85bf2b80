package fi.arki.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the Flyway migrations applied to a real (embedded) PostgreSQL 18.
 *
 * <p>Each module owns its tables, and its generated classes live in its own
 * {@code fi.arki.<module>.internal.db} package, so Modulith verifies that no module reads another
 * module's tables. A table that no module claims fails the generation.
 *
 * <p>It is compiled on its own (source root {@code src/codegen/java}) so that it runs before the
 * module's main code compiles: a new migration's classes are generated before code uses them.
 * Run by {@code ./arki codegen}; {@code GeneratedJooqClassesTests} regenerate into a scratch
 * directory and fail on any difference.
 */
public final class JooqCodegen {

    /** Module → the tables it owns (exact names). */
    static final Map<String, List<String>> OWNED_TABLES = new LinkedHashMap<>();

    static {
        OWNED_TABLES.put("tenancy", List.of("tenant", "tenant_settings", "tenant_organization"));
        OWNED_TABLES.put("identity", List.of("user_account"));
        OWNED_TABLES.put("directory", List.of("unit", "team", "person", "person_role", "team_member", "account_tenant"));
        OWNED_TABLES.put("deck", List.of("platform_deck", "platform_deck_image", "platform_deck_failure", "tenant_deck",
                "tenant_deck_image", "deck_enablement", "deck_setting"));
        OWNED_TABLES.put("session", List.of("join_code", "live_session", "session_team", "session_facilitator",
                "session_step", "participant", "answer", "answer_group", "answer_grouping", "vote", "rating", "touchpoint"));
        OWNED_TABLES.put("followup", List.of("development_target", "target_review", "idea"));
        OWNED_TABLES.put("audit", List.of("audit_log"));
    }

    /** Tables that are not generated at all: bookkeeping that no Arki code queries. */
    static final List<String> NOT_GENERATED = List.of("flyway_schema_history", "event_publication");

    private JooqCodegen() {
    }

    /** Arguments: the module's base directory (migrations are read from its sources), the output directory. */
    public static void main(String[] args) throws Exception {
        Path module = Path.of(args[0]);
        Path target = Path.of(args[1]);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute(Files.readString(module.resolve("src/main/resources/db/bootstrap/roles.sql")));
                c.createStatement().execute("create database arki owner arki_owner");
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/arki";
            Flyway.configure().dataSource(url, "arki_owner", "")
                    .locations("filesystem:" + module.resolve("src/main/resources/db/migration"))
                    .load().migrate();
            generate(url, target);
        }
    }

    /** Generates from a database the migrations have been applied to, connecting as {@code arki_owner}. */
    public static void generate(String jdbcUrl, Path targetDirectory) throws Exception {
        checkEveryTableIsOwned(jdbcUrl);
        for (Map.Entry<String, List<String>> module : OWNED_TABLES.entrySet()) {
            GenerationTool.generate(configuration(jdbcUrl, module.getKey(), module.getValue(), targetDirectory));
        }
    }

    private static void checkEveryTableIsOwned(String jdbcUrl) throws Exception {
        List<String> owned = new ArrayList<>(NOT_GENERATED);
        OWNED_TABLES.values().forEach(owned::addAll);
        List<String> unclaimed = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "arki_owner", "");
             var rs = c.createStatement().executeQuery(
                     "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r','p','v','m') order by 1")) {
            while (rs.next()) {
                if (!owned.contains(rs.getString(1))) {
                    unclaimed.add(rs.getString(1));
                }
            }
        }
        if (!unclaimed.isEmpty()) {
            throw new IllegalStateException("Tables no module owns (add them to JooqCodegen.OWNED_TABLES): " + unclaimed);
        }
    }

    private static Configuration configuration(String jdbcUrl, String module, List<String> tables, Path target) {
        String includes = String.join("|", tables.stream().map(Pattern::quote).toList());
        return new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(jdbcUrl).withUser("arki_owner"))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludes(includes)
                                .withIncludeRoutines(false)
                                .withIncludeSequences(false)
                                .withIncludeUDTs(false))
                        .withGenerate(new Generate()
                                .withGeneratedAnnotation(false)
                                .withJavaTimeTypes(true)
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withComments(true)
                                .withFluentSetters(true))
                        .withTarget(new Target()
                                .withPackageName("fi.arki." + module + ".internal.db")
                                .withDirectory(target.toAbsolutePath().toString())
                                .withClean(true)));
    }
}
