package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.directory.Team;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;

/** The tenant administrator's units and teams: add and rename. */
@Route("admin/organisation")
@Menu(title = "nav.admin.organisation", order = 500)
@RolesAllowed(AccessRoles.TENANT_ADMIN)
public class DirectoryAdminView extends Main implements HasDynamicTitle {

    private final DirectoryManagement directory;
    private final Section units = new Section();

    public DirectoryAdminView(DirectoryManagement directory) {
        this.directory = directory;
        addClassName("arki-page");
        add(new H1(getTranslation("directory.title")));

        TextField unitName = new TextField(getTranslation("directory.new-unit"));
        unitName.setId("new-unit-name");
        Button addUnit = new Button(getTranslation("directory.add-unit"), e -> {
            if (Feedback.get(this, "directory.unit-added", unitName, () -> directory.createUnit(unitName.getValue())) != null) {
                unitName.clear();
                render();
            }
        });
        addUnit.setId("add-unit");
        addUnit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(row(unitName, addUnit), units);
        render();
    }

    private void render() {
        units.removeAll();
        for (Organisation.UnitWithTeams unit : directory.organisation().units()) {
            Section section = new Section();
            section.addClassName("arki-unit");
            H2 heading = new H2(unit.unit().name());
            heading.setId("admin-unit-" + unit.unit().id());
            section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
            TextField rename = new TextField(getTranslation("directory.unit-name"), unit.unit().name(), "");
            rename.setId("unit-name-" + unit.unit().id());
            Button saveName = new Button(getTranslation("admin.save"), e -> {
                if (Feedback.get(this, "directory.renamed", rename, () -> directory.renameUnit(unit.unit().id(), rename.getValue())) != null) {
                    render();
                }
            });
            saveName.setAriaLabel(getTranslation("directory.rename-unit", unit.unit().name()));
            section.add(heading, row(rename, saveName), new H3(getTranslation("directory.teams")));
            for (Team team : unit.teams()) {
                TextField teamName = new TextField(getTranslation("directory.team-name"), team.name(), "");
                teamName.setId("team-name-" + team.id());
                Button saveTeam = new Button(getTranslation("admin.save"), e -> {
                    if (Feedback.get(this, "directory.renamed", teamName, () -> directory.renameTeam(team.id(), teamName.getValue())) != null) {
                        render();
                    }
                });
                saveTeam.setAriaLabel(getTranslation("directory.rename-team", team.name()));
                section.add(row(teamName, saveTeam));
            }
            TextField newTeam = new TextField(getTranslation("directory.new-team"));
            newTeam.setId("new-team-" + unit.unit().id());
            Button addTeam = new Button(getTranslation("directory.add-team"), e -> {
                if (Feedback.get(this, "directory.team-added", newTeam, () -> directory.createTeam(unit.unit().id(), newTeam.getValue())) != null) {
                    render();
                }
            });
            addTeam.setId("add-team-" + unit.unit().id());
            section.add(row(newTeam, addTeam));
            units.add(section);
        }
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title") + " – " + getTranslation("app.name");
    }
}
