package fi.arki.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * T-20: a migration, once committed, never changes and never goes away (a database migrated by it
 * would fail Flyway's validation, or worse, differ from a new one); a change is a new migration.
 * The committed list {@code db/migrations.sha256} holds each file's sha256; a new migration is
 * added to it (the failure message prints the line). Versions are unique.
 */
class MigrationImmutabilityTests {

    static final Pattern NAME = Pattern.compile("V(\\d+(?:_\\d+)*)__\\w+\\.sql");

    @Test
    void every_committed_migration_is_unchanged_and_every_migration_is_in_the_list() throws Exception {
        Map<String, String> committed = committed();
        Map<String, String> actual = actual();

        for (var entry : committed.entrySet()) {
            assertThat(actual).as(entry.getKey() + " was removed: migrations are never removed").containsKey(entry.getKey());
            assertThat(actual.get(entry.getKey())).as(entry.getKey() + " was edited after it was committed: "
                    + "put the change in a new migration and restore this file").isEqualTo(entry.getValue());
        }
        StringBuilder missing = new StringBuilder();
        actual.forEach((file, sha) -> {
            if (!committed.containsKey(file)) {
                missing.append(sha).append("  ").append(file).append('\n');
            }
        });
        assertThat(missing.toString()).as("new migrations: add these lines to platform-core/src/test/resources/db/migrations.sha256").isEmpty();
    }

    @Test
    void versions_are_unique_and_names_follow_flyways_pattern() throws Exception {
        Map<String, String> versions = new TreeMap<>();
        for (String file : actual().keySet()) {
            Matcher m = NAME.matcher(file);
            assertThat(m.matches()).as(file + " is not V<version>__<description>.sql").isTrue();
            String version = m.group(1).replaceFirst("^0+(?=\\d)", "");
            assertThat(versions.put(version, file)).as("version " + version + " twice").isNull();
        }
    }

    private static Map<String, String> committed() throws IOException {
        Map<String, String> list = new LinkedHashMap<>();
        try (InputStream in = MigrationImmutabilityTests.class.getResourceAsStream("/db/migrations.sha256")) {
            assertThat(in).as("db/migrations.sha256").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+", 2);
                list.put(parts[1], parts[0]);
            }
        }
        return list;
    }

    private static Map<String, String> actual() throws IOException, URISyntaxException, NoSuchAlgorithmException {
        Path dir = Path.of(MigrationImmutabilityTests.class.getResource("/db/migration").toURI());
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                files.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
            }
        }
        return files;
    }
}
