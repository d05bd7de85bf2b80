package fi.arki.tenancy.internal;

import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantExport.AccountEntry;
import fi.arki.tenancy.TenantExport.Column;
import fi.arki.tenancy.TenantExport.ExportSummary;
import fi.arki.tenancy.TenantExport.TableFile;
import fi.arki.tenancy.TenantOverview;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a tenant export as it is read: a zip (JDK) of JSON files (Jackson's streaming generator),
 * one table at a time, rows straight from the database cursor to the stream — nothing of the
 * tenant's data is held in memory beyond one row. The manifest comes last, when the row counts are known.
 */
public final class ExportArchive {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    public static final String MANIFEST = "manifest.json";
    public static final String ACCOUNTS = "accounts.json";
    public static final String TABLES = "tables/";

    private final ZipOutputStream zip;
    private final OutputStream entry;
    private final List<Map<String, Object>> files = new ArrayList<>();
    private final Map<String, Long> rowsPerTable = new LinkedHashMap<>();
    private boolean open;

    public ExportArchive(OutputStream out) {
        this.zip = new ZipOutputStream(out);
        // the generators of the entries must not close the zip
        this.entry = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    public TableFile table(String module, String table, List<Column> columns, boolean restorable) {
        if (open) {
            throw new IllegalStateException("Close the previous table file first");
        }
        if (!table.matches("[a-z][a-z0-9_]*") || rowsPerTable.containsKey(table)) {
            throw new IllegalArgumentException("Bad or repeated table name: " + table);
        }
        String name = TABLES + table + ".json";
        JsonGenerator json = start(name);
        json.writeStartArray();
        open = true;
        return new TableFile() {
            long rows;

            @Override
            public void row(@Nullable Object... values) {
                if (values.length != columns.size()) {
                    throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
                }
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    json.writeName(columns.get(i).name());
                    write(json, values[i]);
                }
                json.writeEndObject();
                rows++;
            }

            @Override
            public void close() {
                json.writeEndArray();
                end(json);
                open = false;
                rowsPerTable.put(table, rows);
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("file", name);
                file.put("table", table);
                file.put("module", module);
                file.put("rows", rows);
                file.put("restorable", restorable);
                file.put("columns", columns.stream().map(c -> Map.of("name", c.name(), "type", c.type())).toList());
                files.add(file);
            }
        };
    }

    public ExportSummary finish(TenantOverview tenant, List<AccountEntry> accounts) {
        JsonGenerator json = start(ACCOUNTS);
        JSON.writeValue(json, accounts);
        end(json);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", TenantExport.FORMAT);
        manifest.put("formatVersion", TenantExport.FORMAT_VERSION);
        manifest.put("exportedAt", Instant.now().toString());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", tenant.tenant().id().toString());
        about.put("slug", tenant.tenant().slug());
        about.put("name", tenant.tenant().name());
        about.put("createdAt", tenant.createdAt().toString());
        about.put("keycloakOrganizationIds", tenant.organizationIds());
        manifest.put("tenant", about);
        manifest.put("accounts", Map.of("file", ACCOUNTS, "rows", accounts.size()));
        manifest.put("files", files);
        json = start(MANIFEST);
        JSON.writeValue(json, manifest);
        end(json);
        try {
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long rows = rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        return new ExportSummary(rowsPerTable.size(), rows, rowsPerTable);
    }

    private JsonGenerator start(String name) {
        try {
            zip.putNextEntry(new ZipEntry(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JSON.createGenerator(entry);
    }

    private void end(JsonGenerator json) {
        json.close();
        try {
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonGenerator json, @Nullable Object value) {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case UUID u -> json.writeString(u.toString());
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case Short s -> json.writeNumber(s);
            case Boolean b -> json.writeBoolean(b);
            // instants in UTC, whatever the session's time zone, so that two exports compare equal
            case OffsetDateTime t -> json.writeString(t.toInstant().toString());
            case LocalDate d -> json.writeString(d.toString());
            case byte[] bytes -> json.writeBinary(bytes);
            case Object[] array -> {
                json.writeStartArray();
                for (Object element : array) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case TenantExport.Json raw -> json.writeRawValue(raw.text());
            default -> throw new IllegalArgumentException("No export form for " + value.getClass().getName());
        }
    }
}
