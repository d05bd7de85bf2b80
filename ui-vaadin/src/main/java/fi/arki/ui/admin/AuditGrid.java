package fi.arki.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import fi.arki.audit.AuditEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Audit entries, newest first: UTC time, actor, action, object, outcome and details. */
final class AuditGrid extends Grid<AuditEntry> {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    AuditGrid(List<AuditEntry> entries) {
        setId("audit-log");
        setAriaLabel(getTranslation("audit.title"));
        addColumn(e -> UTC.format(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        addColumn(e -> getTranslation("audit.action." + e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        addColumn(e -> e.objectType() == null ? "" : e.objectType() + " " + (e.objectId() == null ? "" : e.objectId()))
                .setHeader(getTranslation("audit.object"));
        addColumn(e -> getTranslation("audit.outcome." + e.outcome().code())).setHeader(getTranslation("audit.outcome")).setAutoWidth(true);
        addColumn(e -> AuditDetails.text(e, key -> getTranslation(key)))
                .setHeader(getTranslation("audit.detail"));
        setItems(entries);
    }
}
