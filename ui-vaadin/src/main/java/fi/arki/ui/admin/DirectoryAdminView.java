package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;

/** The tenant administrator's units and teams: add, rename, move teams between units, delete what was made by mistake. */
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
        java.util.List<Organisation.UnitWithTeams> all = directory.organisation().units();
        for (Organisation.UnitWithTeams unit : all) {
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
            Button deleteUnit = new Button(getTranslation("directory.delete-unit"), e -> {
                if (Feedback.run(this, "directory.unit-deleted", null, () -> directory.deleteUnit(unit.unit().id()))) {
                    render();
                }
            });
            deleteUnit.setId("delete-unit-" + unit.unit().id());
            deleteUnit.setAriaLabel(getTranslation("directory.delete-unit-named", unit.unit().name()));
            deleteUnit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            deleteUnit.setVisible(unit.teams().isEmpty());
            section.add(heading, row(rename, saveName, deleteUnit), new H3(getTranslation("directory.teams")));
            for (Team team : unit.teams()) {
                TextField teamName = new TextField(getTranslation("directory.team-name"), team.name(), "");
                teamName.setId("team-name-" + team.id());
                Button saveTeam = new Button(getTranslation("admin.save"), e -> {
                    if (Feedback.get(this, "directory.renamed", teamName, () -> directory.renameTeam(team.id(), teamName.getValue())) != null) {
                        render();
                    }
                });
                saveTeam.setAriaLabel(getTranslation("directory.rename-team", team.name()));
                section.add(row(teamName, saveTeam, moveTo(team, all), delete(team)));
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

    /** A team moves to another unit when the organisation restructures; its people and history go with it. */
    private com.vaadin.flow.component.Component moveTo(Team team, java.util.List<Organisation.UnitWithTeams> all) {
        Select<Unit> unit = new Select<>();
        unit.setLabel(getTranslation("directory.move-to"));
        unit.setId("move-team-unit-" + team.id());
        unit.setItems(all.stream().map(Organisation.UnitWithTeams::unit).filter(u -> !u.id().equals(team.unitId())).toList());
        unit.setItemLabelGenerator(Unit::name);
        unit.setAriaLabel(getTranslation("directory.move-team-to", team.name()));
        Button move = new Button(getTranslation("directory.move"), e -> {
            if (unit.getValue() == null) {
                unit.setErrorMessage(getTranslation("directory.choose-unit"));
                unit.setInvalid(true);
                return;
            }
            if (Feedback.get(this, "directory.team-moved", unit, () -> directory.moveTeam(team.id(), unit.getValue().id())) != null) {
                render();
            }
        });
        move.setId("move-team-" + team.id());
        move.setAriaLabel(getTranslation("directory.move-team", team.name()));
        HorizontalLayout row = row(unit, move);
        row.setVisible(all.size() > 1);
        return row;
    }

    /** Deletes a team made by mistake, after asking; one that has held sessions keeps its history. */
    private Button delete(Team team) {
        Button delete = new Button(getTranslation("directory.delete-team"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("directory.delete-team-title", team.name()),
                    getTranslation("directory.delete-team-confirm"), getTranslation("directory.delete-team"), c -> {
                        if (Feedback.run(this, "directory.team-deleted", null, () -> directory.deleteTeam(team.id()))) {
                            render();
                        }
                    }, getTranslation("admin.cancel"), c -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("delete-team-confirm");
            confirm.open();
        });
        delete.setId("delete-team-" + team.id());
        delete.setAriaLabel(getTranslation("directory.delete-team-named", team.name()));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
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
