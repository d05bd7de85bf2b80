package fi.arki.codegen;

import fi.arki.tenancy.internal.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
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
 * <p>Run by {@code ./mvnw -Pjooq-codegen -pl platform-core test-compile exec:java}; the
 * {@code GeneratedJooqClassesTests} regenerate into a scratch directory and fail on any difference.
 */
public final class JooqCodegen {

    /** Module → the tables it owns (exact names). */
    static final Map<String, List<String>> OWNED_TABLES = new LinkedHashMap<>();

    static {
        OWNED_TABLES.put("tenancy", List.of("tenant"));
        OWNED_TABLES.put("identity", List.of("user_account"));
        OWNED_TABLES.put("directory", List.of("unit", "team", "person", "person_role", "team_member", "account_tenant"));
        OWNED_TABLES.put("deck", List.of("platform_deck"));
        OWNED_TABLES.put("session", List.of("join_code"));
    }

    /** Tables that are not generated at all: bookkeeping that no Arki code queries. */
    static final List<String> NOT_GENERATED = List.of("flyway_schema_history", "event_publication");

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "src/main/jooq");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
        migrate(server);
        generate(server, target);
        System.exit(0);
    }

    public static void migrate(EmbeddedPostgresServer server) {
        Flyway.configure().dataSource(server.jdbcUrl(), "arki_owner", "").load().migrate();
    }

    public static void generate(EmbeddedPostgresServer server, Path targetDirectory) throws Exception {
        checkEveryTableIsOwned(server);
        for (Map.Entry<String, List<String>> module : OWNED_TABLES.entrySet()) {
            GenerationTool.generate(configuration(server, module.getKey(), module.getValue(), targetDirectory));
        }
    }

    private static void checkEveryTableIsOwned(EmbeddedPostgresServer server) throws Exception {
        List<String> owned = new ArrayList<>(NOT_GENERATED);
        OWNED_TABLES.values().forEach(owned::addAll);
        List<String> unclaimed = new ArrayList<>();
        try (Connection c = server.superuserDataSource().getConnection();
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

    private static Configuration configuration(EmbeddedPostgresServer server, String module, List<String> tables, Path target) {
        String includes = String.join("|", tables.stream().map(Pattern::quote).toList());
        return new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(server.jdbcUrl()).withUser("arki_owner"))
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
