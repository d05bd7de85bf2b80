package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.followup.Idea;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The organisation's idea pipeline, for the tenant administrators who handle it: every team's
 * ideas by status, with the team and the date, and for each a status and an answer to the team.
 * Only administrators see every team's ideas; a team sees its own on its sessions page.
 */
@Route("ideas")
@Menu(title = "nav.ideas", order = 35)
@RolesAllowed(AccessRoles.TENANT_ADMIN)
public class IdeasView extends Main implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy").withZone(ZoneId.of("Europe/Helsinki"));

    private final IdeaManagement ideas;
    private final DirectoryManagement directory;
    private final Paragraph counts = new Paragraph();
    private final Select<IdeaStatus> filter = new Select<>();
    private final Div content = new Div();

    public IdeasView(IdeaManagement ideas, DirectoryManagement directory) {
        this.ideas = ideas;
        this.directory = directory;
        addClassName("arki-page");
        Paragraph help = new Paragraph(getTranslation("ideas.help"));
        help.addClassName("arki-help");
        counts.setId("ideas-counts");
        filter.setId("ideas-filter");
        filter.setLabel(getTranslation("ideas.filter"));
        filter.setItems(IdeaStatus.values());
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption(getTranslation("ideas.filter.all"));
        filter.setItemLabelGenerator(s -> s == null ? getTranslation("ideas.filter.all") : status(s));
        filter.addValueChangeListener(e -> render());
        add(new H1(getTranslation("ideas.title")), help, counts, filter, content);
        render();
    }

    private void render() {
        content.removeAll();
        Map<IdeaStatus, Integer> byStatus = ideas.countsByStatus();
        counts.setText(getTranslation("ideas.counts", Arrays.stream(IdeaStatus.values()).map(byStatus::get).toArray()));
        Map<TeamId, String> teams = directory.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        List<Idea> all = ideas.allIdeas();
        IdeaStatus only = filter.getValue();
        boolean any = false;
        for (IdeaStatus status : IdeaStatus.values()) {
            if (only != null && only != status) {
                continue;
            }
            List<Idea> these = all.stream().filter(i -> i.status() == status).toList();
            if (these.isEmpty()) {
                continue;
            }
            any = true;
            Section section = new Section(new H2(status(status) + " (" + these.size() + ")"));
            section.setId("ideas-" + status.code());
            UnorderedList list = new UnorderedList();
            list.addClassName("arki-ideas");
            these.forEach(i -> list.add(item(i, teams.getOrDefault(i.team(), ""))));
            section.add(list);
            content.add(section);
        }
        if (!any) {
            Paragraph none = new Paragraph(getTranslation("ideas.none"));
            none.setId("ideas-none");
            content.add(none);
        }
    }

    private ListItem item(Idea idea, String team) {
        ListItem item = new ListItem();
        item.setId("idea-" + idea.id());
        item.addClassName("arki-idea");
        Paragraph text = new Paragraph(idea.text());
        text.addClassName("arki-idea-text");
        Span meta = new Span(getTranslation("ideas.meta", team, DAY.format(idea.escalatedAt())) + " · "
                + getTranslation(idea.sessionId() != null || idea.answerId() != null ? "ideas.origin.session" : "ideas.origin.own"));
        meta.addClassName("arki-muted");

        Select<IdeaStatus> status = new Select<>();
        status.setId("idea-status-" + idea.id());
        status.setLabel(getTranslation("ideas.status"));
        status.setItems(IdeaStatus.values());
        status.setItemLabelGenerator(this::status);
        status.setValue(idea.status());
        TextArea response = new TextArea(getTranslation("ideas.response"));
        response.setId("idea-response-" + idea.id());
        response.setMaxLength(IdeaManagement.MAX_RESPONSE);
        response.setValue(idea.response() == null ? "" : idea.response());
        response.addClassName("arki-idea-response");
        Button save = new Button(getTranslation("ideas.save"), e -> {
            if (Feedback.run(this, "ideas.saved", response, () -> ideas.respond(idea.id(), status.getValue(), response.getValue()))) {
                render();
            }
        });
        save.setId("idea-save-" + idea.id());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button(getTranslation("ideas.delete"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("ideas.delete-title"), getTranslation("ideas.delete-confirm"),
                    getTranslation("ideas.delete"), c -> {
                        if (Feedback.run(this, "ideas.deleted", null, () -> ideas.delete(idea.id()))) {
                            render();
                        }
                    }, getTranslation("admin.cancel"), c -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("idea-delete-confirm");
            confirm.open();
        });
        delete.setId("idea-delete-" + idea.id());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        Div form = new Div(status, response, save, delete);
        form.addClassName("arki-inline-form");
        item.add(text, meta, form);
        return item;
    }

    private String status(IdeaStatus status) {
        return getTranslation("ideas.status." + status.code());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ideas.title") + " – " + getTranslation("app.name");
    }
}
