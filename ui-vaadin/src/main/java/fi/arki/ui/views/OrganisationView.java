package fi.arki.ui.views;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.ui.security.CurrentUser;

/** The tenant's units and their teams: where a user starts and finds their team. */
@Route("")
@Menu(title = "nav.organisation", order = 10)
@PermitAll
public class OrganisationView extends Main implements HasDynamicTitle {

    public OrganisationView(DirectoryManagement directory) {
        addClassName("arki-page");
        Organisation organisation = directory.organisation();
        add(new H1(getTranslation("organisation.title", CurrentUser.require().tenantName())));
        add(new Paragraph(getTranslation("organisation.summary", organisation.units().size(), organisation.teamCount())));
        if (organisation.units().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("organisation.empty"));
            empty.setId("organisation-empty");
            add(empty);
        }
        for (Organisation.UnitWithTeams unit : organisation.units()) {
            Section section = new Section();
            section.addClassName("arki-unit");
            section.setId("unit-" + unit.unit().id());
            H2 heading = new H2(unit.unit().name());
            heading.setId("unit-heading-" + unit.unit().id());
            section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
            section.add(heading);
            if (unit.teams().isEmpty()) {
                section.add(new Paragraph(getTranslation("organisation.no-teams")));
            } else {
                UnorderedList teams = new UnorderedList();
                unit.teams().forEach(t -> {
                    ListItem item = new ListItem(t.name());
                    item.addClassName("arki-team");
                    teams.add(item);
                });
                section.add(teams);
            }
            add(section);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisation") + " – " + getTranslation("app.name");
    }
}
