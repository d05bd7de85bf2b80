package fi.arki.ui.session;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryExports;
import fi.arki.insight.SummaryManagement;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.function.Function;

/** A session's summary for its team, its supervisor and its facilitators, with the four exports. */
@Route("sessions/:id/summary")
@PermitAll
public class SummaryView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SummaryManagement summaries;
    private final SummaryExports exports;
    private final DirectoryManagement directory;
    private String title = "";

    public SummaryView(SummaryManagement summaries, SummaryExports exports, DirectoryManagement directory) {
        this.summaries = summaries;
        this.exports = exports;
        this.directory = directory;
        addClassName("arki-page");
        addClassName("arki-summary");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        SessionId id;
        try {
            id = SessionId.of(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            event.forwardTo(SessionsView.class);
            return;
        }
        PersonId me = CurrentPerson.find(directory).orElse(null);
        Summary summary;
        try {
            summary = me == null ? null : summaries.summary(id, me, LanguageSupport.current());
        } catch (RuntimeException e) {
            summary = null;
        }
        if (summary == null) {
            Paragraph denied = new Paragraph(getTranslation("summary.error.not-allowed"));
            denied.setId("summary-denied");
            add(denied);
            return;
        }
        title = summary.title();
        H1 heading = new H1(summary.title());
        heading.setId("summary-title");
        add(heading, new Paragraph(summary.organisation() + " · " + summary.deckTitle() + " · "
                + SessionsView.WHEN.format(summary.started())));
        TenantId tenant = CurrentUser.require().tenant();
        Summary s = summary;
        Div downloads = new Div(
                download("export-pdf", "PDF", id, tenant, me, exports::pdf, "application/pdf", "pdf"),
                download("export-pptx", "PowerPoint", id, tenant, me, exports::pptx,
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
                download("export-csv", "CSV", id, tenant, me, exports::csv, "text/csv; charset=UTF-8", "csv"),
                download("export-md", "Markdown", id, tenant, me, exports::markdown, "text/markdown; charset=UTF-8", "md"));
        downloads.addClassName("arki-downloads");
        add(downloads);
        String lastCard = null;
        Section section = null;
        for (Summary.Section part : s.sections()) {
            if (!part.card().equals(lastCard)) {
                section = new Section(new H2(part.card()));
                add(section);
                lastCard = part.card();
            }
            section.add(new H3(part.heading()));
            if (part.note() != null) {
                section.add(new Paragraph(part.note()));
            }
            UnorderedList rows = new UnorderedList();
            for (Summary.Row row : part.rows()) {
                ListItem item = new ListItem(new Span(row.text()));
                item.addClassName("arki-summary-row");
                if (row.lane() != null) item.add(StepParts.badge(row.lane()));
                if (row.group() != null && !row.group().equals(row.text())) item.add(StepParts.badge(row.group()));
                if (row.votes() != null) item.add(StepParts.badge(getTranslation("session.vote.total", row.votes())));
                if (row.author() != null) item.add(StepParts.badge(row.author()));
                if (row.unit() != null) item.add(StepParts.badge(row.unit()));
                rows.add(item);
            }
            section.add(rows);
        }
        Section targets = new Section(new H2(getTranslation("summary.targets")));
        targets.setId("summary-targets");
        UnorderedList list = new UnorderedList();
        for (Summary.TargetLine t : s.targets()) {
            list.add(new ListItem(new Span(t.title()), new Span(" – " + getTranslation("session.target.details", t.owner(), t.due(),
                    t.dimension() == null ? "–" : t.dimension()))));
        }
        if (s.targets().isEmpty()) {
            targets.add(new Paragraph(getTranslation("session.targets.none")));
        }
        targets.add(list);
        add(targets);
    }

    private Anchor download(String id, String label, SessionId session, TenantId tenant, PersonId me,
                            Function<Summary, byte[]> format, String type, String extension) {
        var language = LanguageSupport.current();
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = TenantContext.callAs(tenant, () -> format.apply(summaries.summary(session, me, language)));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "arki-summary." + extension, type, bytes.length);
        }), label);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
