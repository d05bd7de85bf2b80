package fi.arki.ui.admin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * A link that downloads a tenant's export (docs/data-lifecycle.md). The export is written to a
 * temporary file first and only then sent: the database snapshot it reads is held for as long as
 * writing takes, not for as long as a slow connection takes to receive it; the file is removed
 * as soon as it has been sent (or has failed).
 */
final class ExportDownload {

    private static final Logger log = LoggerFactory.getLogger(ExportDownload.class);

    private ExportDownload() {
    }

    /** {@code export} writes the zip to the stream it is given; it runs in the download request, as the signed-in user. */
    static Anchor anchor(String id, String label, String slug, Consumer<OutputStream> export) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            Path file = Files.createTempFile("arki-export-", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    export.accept(out);
                }
                long size = Files.size(file);
                InputStream in = Files.newInputStream(file, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
                return new DownloadResponse(in, fileName(slug), "application/zip", size);
            } catch (AccessDeniedException e) {
                Files.deleteIfExists(file);
                return DownloadResponse.error(HttpStatusCode.FORBIDDEN);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                // the class only: a message could quote a row (the failure is in the audit log too)
                log.warn("Export download failed ({})", e.getClass().getSimpleName());
                return DownloadResponse.error(HttpStatusCode.INTERNAL_SERVER_ERROR);
            }
        }), label);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("arki-download");
        return anchor;
    }

    static String fileName(String slug) {
        return "arki-" + slug + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
    }
}
