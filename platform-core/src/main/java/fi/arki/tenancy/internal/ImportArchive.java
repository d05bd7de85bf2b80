package fi.arki.tenancy.internal;

import fi.arki.shared.InvalidInputException;
import fi.arki.shared.archive.SafeZip;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantExport.AccountEntry;
import fi.arki.tenancy.TenantRestore.Row;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tenant export (see {@link ExportArchive}) from a zip file: the manifest and the accounts
 * at once, each table's rows one at a time when a participant asks for them. Anything that is not
 * what an export of this format version holds is refused as invalid input, with the file it is in
 * and never with the data it holds (that could be anybody's answer).
 */
public final class ImportArchive implements AutoCloseable {

    /** More entries than an export of today's tables could have: a sign of a wrong or hostile file. */
    static final int MAX_ENTRIES = 500;
    /** Reads one row at a time out of a table's array: what follows a row is the next one, not trailing junk. */
    private static final tools.jackson.databind.ObjectMapper READER = ExportArchive.JSON.rebuild()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final SafeZip zip;
    /** The archive's plain files by name; anything else in it refused the archive. */
    private final Map<String, SafeZip.Entry> entries = new LinkedHashMap<>();
    private final long maxBytes;
    private final Map<String, JsonNode> files = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final List<AccountEntry> accounts;
    private final JsonNode tenant;
    private long bytesRead;

    public ImportArchive(Path file, long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            this.zip = SafeZip.open(file);
        } catch (SafeZip.NotAZip e) {
            throw new InvalidInputException("lifecycle.import.error.not-zip");
        }
        try {
            if (zip.entries().size() > MAX_ENTRIES) {
                throw new InvalidInputException("lifecycle.import.error.malformed", "(" + zip.entries().size() + ")");
            }
            // the same reader and the same refusals as a deck package: an export holds plain files only
            for (SafeZip.Entry entry : zip.entries()) {
                if (!entry.safePath() || entry.directory() || entry.symlink() || entry.encrypted() || !entry.plainMethod()
                        || entries.put(entry.name(), entry) != null) {
                    throw malformed(entry.shown());
                }
            }
            JsonNode manifest = tree(ExportArchive.MANIFEST);
            if (!TenantExport.FORMAT.equals(manifest.path("format").asString(""))) {
                throw new InvalidInputException("lifecycle.import.error.not-export");
            }
            int version = manifest.path("formatVersion").asInt(-1);
            if (version != TenantExport.FORMAT_VERSION) {
                throw new InvalidInputException("lifecycle.import.error.format-version", version, TenantExport.FORMAT_VERSION);
            }
            this.tenant = manifest.path("tenant");
            for (JsonNode entry : manifest.path("files")) {
                String table = entry.path("table").asString("");
                String name = entry.path("file").asString("");
                if (!table.matches("[a-z][a-z0-9_]*") || !name.equals(ExportArchive.TABLES + table + ".json")
                        || !entries.containsKey(name) || files.put(table, entry) != null) {
                    throw new InvalidInputException("lifecycle.import.error.malformed", ExportArchive.MANIFEST);
                }
            }
            this.accounts = readAccounts();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public JsonNode tenant() {
        return tenant;
    }

    public List<AccountEntry> accounts() {
        return accounts;
    }

    public boolean has(String table) {
        return files.containsKey(table);
    }

    /** Restorable table files nobody has read. */
    public Set<String> unread() {
        Set<String> unread = new TreeSet<>();
        files.forEach((table, file) -> {
            if (file.path("restorable").asBoolean(false) && !read.contains(table)) {
                unread.add(table);
            }
        });
        return Collections.unmodifiableSet(unread);
    }

    public void rows(String table, Consumer<Row> each) {
        JsonNode file = files.get(table);
        if (file == null) {
            return;
        }
        read.add(table);
        String name = file.path("file").asString();
        Map<String, String> types = new LinkedHashMap<>();
        file.path("columns").forEach(c -> types.put(c.path("name").asString(""), c.path("type").asString("")));
        try (InputStream in = open(name); JsonParser parser = ExportArchive.JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(name);
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode row = READER.readTree(parser);
                for (String column : row.propertyNames()) {
                    if (!types.containsKey(column)) {
                        throw malformed(name);
                    }
                }
                each.accept(new JsonRow(name, row));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw malformed(name);
            }
        } catch (JacksonException | IOException e) {
            // never the parser's message: it may quote the file, and the file is people's words
            throw malformed(name);
        }
    }

    private List<AccountEntry> readAccounts() {
        JsonNode list = tree(ExportArchive.ACCOUNTS);
        if (!list.isArray()) {
            throw malformed(ExportArchive.ACCOUNTS);
        }
        List<AccountEntry> entries = new ArrayList<>();
        for (JsonNode a : list) {
            JsonRow row = new JsonRow(ExportArchive.ACCOUNTS, a);
            UUID id = row.get("id", UUID.class);
            String issuer = row.get("issuer", String.class);
            String subject = row.get("subject", String.class);
            String name = row.get("displayName", String.class);
            if (id == null || issuer == null || subject == null || name == null) {
                throw malformed(ExportArchive.ACCOUNTS);
            }
            entries.add(new AccountEntry(id, issuer, subject, name, row.get("email", String.class),
                    row.get("preferredLanguage", String.class)));
        }
        return List.copyOf(entries);
    }

    private JsonNode tree(String name) {
        try (InputStream in = open(name)) {
            return ExportArchive.JSON.readTree(in);
        } catch (JacksonException | IOException e) {
            throw malformed(name);
        }
    }

    private InputStream open(String name) throws IOException {
        SafeZip.Entry entry = entries.get(name);
        if (entry == null) {
            throw malformed(name);
        }
        // SafeZip stops each file at its declared size; this counts all of them against the import's limit
        return new FilterInputStream(zip.open(entry)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }
        };
    }

    private void count(int n) {
        bytesRead += n;
        if (bytesRead > maxBytes) {
            throw new InvalidInputException("lifecycle.import.error.too-large", maxBytes / (1024 * 1024));
        }
    }

    static InvalidInputException malformed(String file) {
        return new InvalidInputException("lifecycle.import.error.malformed", file);
    }

    @Override
    public void close() {
        // nothing was written; the file is the caller's to remove
        zip.close();
    }

    /** A row of a table file; values are converted when asked for, and a wrong type is a malformed file. */
    record JsonRow(String file, JsonNode node) implements Row {

        @Override
        public Set<String> columns() {
            return new TreeSet<>(node.propertyNames());
        }

        @Override
        public <T> @Nullable T get(String column, Class<T> type) {
            JsonNode value = node.get(column);
            if (value == null || value.isNull()) {
                return null;
            }
            try {
                return type.cast(convert(value, type));
            } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
                throw malformed(file);
            }
        }

        private Object convert(JsonNode value, Class<?> type) {
            if (type == String.class && value.isString()) {
                return value.asString();
            }
            if (type == UUID.class && value.isString()) {
                return UUID.fromString(value.asString());
            }
            if (type == Integer.class && value.canConvertToInt()) {
                return value.intValue();
            }
            if (type == Long.class && value.canConvertToLong()) {
                return value.longValue();
            }
            if (type == Short.class && value.canConvertToInt()) {
                return (short) value.intValue();
            }
            if (type == Boolean.class && value.isBoolean()) {
                return value.booleanValue();
            }
            if (type == OffsetDateTime.class && value.isString()) {
                return OffsetDateTime.parse(value.asString()).withOffsetSameInstant(ZoneOffset.UTC);
            }
            if (type == LocalDate.class && value.isString()) {
                return LocalDate.parse(value.asString());
            }
            if (type == byte[].class && value.isString()) {
                return Base64.getDecoder().decode(value.asString());
            }
            if (type == String[].class && value.isArray()) {
                String[] strings = new String[value.size()];
                for (int i = 0; i < strings.length; i++) {
                    if (!value.get(i).isString()) {
                        throw new IllegalArgumentException("not text");
                    }
                    strings[i] = value.get(i).asString();
                }
                return strings;
            }
            if (type == TenantExport.Json.class) {
                return new TenantExport.Json(value.toString());
            }
            throw new IllegalArgumentException("cannot read " + type.getSimpleName());
        }
    }
}
