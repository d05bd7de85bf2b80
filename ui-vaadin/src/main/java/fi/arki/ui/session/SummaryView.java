package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.followup.Idea;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryExports;
import fi.arki.insight.SummaryManagement;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionStatus;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentPerson;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A session's summary for its team, its supervisor and its facilitators, with the four exports;
 * beside each answer, "escalate as an idea" to the organisation's idea pipeline.
 */
@Route("sessions/:id/summary")
@PermitAll
public class SummaryView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SummaryManagement summaries;
    private final SummaryExports exports;
    private final DirectoryManagement directory;
    private final SessionManagement sessions;
    private final IdeaManagement ideas;
    private String title = "";

    public SummaryView(SummaryManagement summaries, SummaryExports exports, DirectoryManagement directory,
                       SessionManagement sessions, IdeaManagement ideas) {
        this.summaries = summaries;
        this.exports = exports;
        this.directory = directory;
        this.sessions = sessions;
        this.ideas = ideas;
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
        Escalation escalation = escalation(id, me);
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
                if (row.answer() != null) escalation.offer(item, row);
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
        SummaryReviews.of(this, s).ifPresent(this::add);
    }

    /**
     * What the viewer may do with the summary's answers in the idea pipeline: the teams they may
     * escalate for (a closed session's facilitators and tenant administrators: any of its teams;
     * a member: their own), and which answers are in the pipeline already.
     */
    private Escalation escalation(SessionId id, PersonId me) {
        SessionInfo info = sessions.find(id).orElse(null);
        List<TeamId> teams = List.of();
        if (info != null && info.status() == SessionStatus.CLOSED) {
            boolean all = info.facilitators().contains(me) || CurrentUser.require().has(Role.TENANT_ADMIN);
            Set<TeamId> mine = directory.teamsOf(me).stream().map(DirectoryManagement.Membership::team).collect(Collectors.toSet());
            teams = info.teams().stream().filter(t -> all || mine.contains(t)).toList();
        }
        Map<UUID, Idea> escalated = new HashMap<>();
        ideas.ideasFrom(me, id.value()).stream().filter(i -> i.answerId() != null).forEach(i -> escalated.putIfAbsent(i.answerId(), i));
        Map<TeamId, String> names = directory.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        return new Escalation(id, me, teams, names, escalated);
    }

    /** Offers "escalate as an idea" beside each answer, or shows that the answer has been escalated. */
    private final class Escalation {
        private final SessionId session;
        private final PersonId me;
        private final List<TeamId> teams;
        private final Map<TeamId, String> names;
        private final Map<UUID, Idea> escalated;
        private final Map<UUID, List<ListItem>> items = new HashMap<>();

        Escalation(SessionId session, PersonId me, List<TeamId> teams, Map<TeamId, String> names, Map<UUID, Idea> escalated) {
            this.session = session;
            this.me = me;
            this.teams = teams;
            this.names = names;
            this.escalated = escalated;
        }

        void offer(ListItem item, Summary.Row row) {
            UUID answer = row.answer();
            items.computeIfAbsent(answer, a -> new ArrayList<>()).add(item);
            Idea idea = escalated.get(answer);
            if (idea != null) {
                item.add(marker(idea));
                return;
            }
            if (teams.isEmpty()) {
                return;
            }
            Button escalate = new Button(getTranslation("idea.escalate"));
            escalate.addClassName("arki-escalate-button");
            escalate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            escalate.addClickListener(e -> {
                escalate.setVisible(false);
                item.add(form(item, escalate, answer, row.text()));
            });
            if (items.get(answer).size() == 1) {
                escalate.setId("escalate-" + answer);
            }
            item.add(escalate);
        }

        private Span marker(Idea idea) {
            Span marker = StepParts.badge(getTranslation("idea.escalated", getTranslation("ideas.status." + idea.status().code())));
            marker.addClassName("arki-escalated");
            return marker;
        }

        /** The text to send, editable; the idea's id is made here, so a repeated send stores it once. */
        private Div form(ListItem item, Button escalate, UUID answer, String text) {
            IdeaId id = IdeaId.random();
            String suffix = answer.toString();
            TextArea idea = new TextArea(getTranslation("idea.escalate.text"));
            idea.setId("escalate-text-" + suffix);
            idea.setValue(text);
            idea.setMaxLength(IdeaManagement.MAX_TEXT);
            idea.setHelperText(getTranslation("idea.escalate.help"));
            Select<TeamId> team = new Select<>();
            team.setId("escalate-team-" + suffix);
            team.setLabel(getTranslation("idea.escalate.team"));
            team.setItems(teams);
            team.setItemLabelGenerator(t -> names.getOrDefault(t, ""));
            team.setValue(teams.getFirst());
            team.setVisible(teams.size() > 1);
            Div form = new Div();
            form.addClassName("arki-escalate");
            Button send = new Button(getTranslation("idea.escalate.send"));
            send.setId("escalate-send-" + suffix);
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            send.addClickListener(e -> {
                idea.setInvalid(false);
                try {
                    Idea stored = ideas.escalate(me, new IdeaDraft(id, team.getValue(), session.value(), answer, idea.getValue()));
                    form.removeFromParent();
                    escalated.put(answer, stored);
                    for (ListItem same : items.getOrDefault(answer, List.of())) {
                        same.getChildren().filter(c -> c.getElement().getClassList().contains("arki-escalate-button")
                                        || c.getElement().getClassList().contains("arki-escalate"))
                                .toList().forEach(c -> c.removeFromParent());
                        same.add(marker(stored));
                    }
                    Notification.show(getTranslation("idea.escalate.sent"), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (InvalidInputException ex) {
                    idea.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments().toArray()));
                    idea.setInvalid(true);
                }
            });
            Button cancel = new Button(getTranslation("idea.escalate.cancel"), e -> {
                form.removeFromParent();
                escalate.setVisible(true);
                escalate.focus();
            });
            cancel.setId("escalate-cancel-" + suffix);
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div buttons = new Div(send, cancel);
            buttons.addClassName("arki-inline-form");
            form.add(idea, team, buttons);
            idea.focus();
            return form;
        }
    }

    private Anchor download(String id, String label, SessionId session, TenantId tenant, PersonId me,
                            Function<Summary, byte[]> format, String type, String extension) {
        var language = LanguageSupport.current();
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            Summary summary = TenantContext.callAs(tenant, () -> summaries.summary(session, me, language));
            byte[] bytes = format.apply(summary);
            // Vaadin writes the name as RFC 5987's filename* where it is not plain ASCII (ä, å)
            return new DownloadResponse(new ByteArrayInputStream(bytes), exports.fileName(summary, extension), type, bytes.length);
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
