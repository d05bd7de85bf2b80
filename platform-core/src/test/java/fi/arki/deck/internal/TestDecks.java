package fi.arki.deck.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Decks for tests: the kitchen-sink deck's files, changed one way or another, and zips of them. */
public final class TestDecks {

    private TestDecks() {
    }

    public static Map<String, byte[]> kitchenSink() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : new String[] {"deck.yaml", "messages_fi.properties", "messages_sv.properties", "messages_en.properties"}) {
            try (InputStream in = TestDecks.class.getResourceAsStream("/decks/kitchen-sink/" + name)) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The kitchen-sink deck with one file's text changed. */
    public static Map<String, byte[]> kitchenSink(String file, UnaryOperator<String> change) {
        Map<String, byte[]> files = kitchenSink();
        files.put(file, change.apply(new String(files.get(file), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The example deck of docs/examples, as its files. */
    public static Map<String, byte[]> example() {
        Path folder = docs().resolve("examples/customer-moment");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The repository's docs folder, found from the module a test runs in. */
    public static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/examples not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs");
    }

    public static byte[] zip(Map<String, byte[]> files) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
