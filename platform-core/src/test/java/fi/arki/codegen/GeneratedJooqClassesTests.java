package fi.arki.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed jOOQ classes must be exactly what the migrations generate today. If this fails,
 * run {@code ./arki codegen} and commit the result.
 */
@Tag("integration")
class GeneratedJooqClassesTests {

    @Test
    void committed_classes_match_a_fresh_generation_from_the_migrations(@TempDir Path scratch) throws Exception {
        var server = TestDatabase.server();
        Flyway.configure().dataSource(server.jdbcUrl(), "arki_owner", "").load().migrate();
        JooqCodegen.generate(server.jdbcUrl(), scratch);

        Map<String, String> fresh = read(scratch);
        Map<String, String> committed = read(Path.of("src/main/jooq"));

        assertThat(committed.keySet()).as("generated files").containsExactlyElementsOf(fresh.keySet());
        List<String> differing = new ArrayList<>();
        fresh.forEach((file, content) -> {
            if (!content.equals(committed.get(file))) {
                differing.add(file);
            }
        });
        assertThat(differing).as("files that differ from a fresh generation").isEmpty();
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
