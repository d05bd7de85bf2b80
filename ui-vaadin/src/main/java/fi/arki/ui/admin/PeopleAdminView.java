package fi.arki.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.admin.PersonRemovalManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.LocalAccountStatus;
import fi.arki.shared.AccessRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tenant administrator's people: add them (with or without a local account), edit them, give
 * and take roles, put them in teams, see and lift account locks, and remove someone who leaves.
 */
@Route("admin/people")
@Menu(title = "nav.admin.people", order = 510)
@RolesAllowed(AccessRoles.TENANT_ADMIN)
public class PeopleAdminView extends Main implements HasDynamicTitle {

    private final DirectoryManagement directory;
    private final AccountManagement accounts;
    private final PersonRemovalManagement removals;
    private final Grid<Person> people = new Grid<>();
    private final Grid<LocalAccountStatus> localAccounts = new Grid<>();
    private final Div editor = new Div();

    public PeopleAdminView(DirectoryManagement directory, AccountManagement accounts, PersonRemovalManagement removals) {
        this.directory = directory;
        this.accounts = accounts;
        this.removals = removals;
        addClassName("arki-page");
        add(new H1(getTranslation("people.title")));

        people.setId("people");
        people.setAriaLabel(getTranslation("people.title"));
        people.addColumn(Person::displayName).setHeader(getTranslation("people.name")).setSortable(true);
        people.addColumn(p -> p.email() == null ? "" : p.email()).setHeader(getTranslation("people.email"));
        people.addColumn(p -> directory.rolesOf(p.id()).stream().sorted().map(r -> getTranslation("role." + r.code()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("people.roles"));
        people.addColumn(p -> p.account() == null ? getTranslation("people.no-account") : getTranslation("people.has-account"))
                .setHeader(getTranslation("people.account"));
        people.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        people.setAllRowsVisible(true);

        add(people, editor, addSection());
        Section locks = new Section(new H2(getTranslation("accounts.title")));
        AccountsGrid.configure(localAccounts, this, accounts::unlock, this::refresh);
        locks.add(localAccounts);
        add(locks);
        refresh();
    }

    private Section addSection() {
        Section section = new Section(new H2(getTranslation("people.add")));
        section.add(new Paragraph(getTranslation("people.add-help")));
        TextField name = new TextField(getTranslation("people.name"));
        name.setId("new-person-name");
        EmailField email = new EmailField(getTranslation("people.email"));
        email.setId("new-person-email");
        TextField username = new TextField(getTranslation("people.username"));
        username.setId("new-person-username");
        username.setHelperText(getTranslation("people.username-help"));
        PasswordField password = new PasswordField(getTranslation("people.first-password"));
        password.setId("new-person-password");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("people.roles"));
        roles.setId("new-person-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.code()));
        roles.setValue(Set.of(Role.MEMBER));
        Button add = new Button(getTranslation("people.add-button"), e -> {
            Person added = Feedback.get(this, "people.added", username.getValue().isBlank() ? name : username, () -> {
                if (username.getValue().isBlank()) {
                    Person person = directory.addPerson(name.getValue(), email.getValue(), null);
                    roles.getValue().forEach(r -> directory.grantRole(person.id(), r));
                    return person;
                }
                return accounts.createLocalMember(username.getValue(), name.getValue(), email.getValue(), password.getValue(),
                        roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()));
            });
            if (added != null) {
                name.clear();
                email.clear();
                username.clear();
                password.clear();
                refresh();
            }
        });
        add.setId("add-person");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(row(name, email, username, password), roles, add);
        return section;
    }

    private void edit(Person person) {
        editor.removeAll();
        if (person == null) {
            return;
        }
        Section section = new Section();
        section.setId("person-editor");
        section.add(new H2(getTranslation("people.edit", person.displayName())));
        TextField name = new TextField(getTranslation("people.name"), person.displayName(), "");
        name.setId("edit-person-name");
        EmailField email = new EmailField(getTranslation("people.email"));
        email.setId("edit-person-email");
        email.setValue(person.email() == null ? "" : person.email());
        Button save = new Button(getTranslation("admin.save"), e -> {
            if (Feedback.get(this, "people.saved", name, () -> directory.updatePerson(person.id(), name.getValue(), email.getValue())) != null) {
                refresh();
            }
        });
        save.setId("save-person");
        section.add(row(name, email, save));

        section.add(new H3(getTranslation("people.roles")));
        Set<Role> held = directory.rolesOf(person.id());
        HorizontalLayout roles = new HorizontalLayout();
        for (Role role : Role.values()) {
            Checkbox box = new Checkbox(getTranslation("role." + role.code()), held.contains(role));
            box.setId("role-" + role.code());
            box.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                boolean ok = Feedback.run(this, "people.roles-saved", null, () -> {
                    if (e.getValue()) {
                        directory.grantRole(person.id(), role);
                    } else {
                        directory.revokeRole(person.id(), role);
                    }
                });
                if (!ok) {
                    box.setValue(e.getOldValue());
                }
                people.getDataProvider().refreshItem(person);
            });
            roles.add(box);
        }
        section.add(roles);

        section.add(new H3(getTranslation("people.teams")));
        Map<fi.arki.directory.TeamId, Team> teams = directory.teams().stream().collect(Collectors.toMap(Team::id, Function.identity()));
        for (DirectoryManagement.Membership membership : directory.teamsOf(person.id())) {
            Team team = teams.get(membership.team());
            Button remove = new Button(getTranslation("people.remove-from-team"), e -> {
                if (Feedback.run(this, "people.teams-saved", null, () -> directory.removeFromTeam(team.id(), person.id()))) {
                    edit(person);
                }
            });
            remove.setAriaLabel(getTranslation("people.remove-from-team") + " " + team.name());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            String label = team.name() + (membership.supervisor() ? " (" + getTranslation("people.supervisor") + ")" : "");
            section.add(row(new com.vaadin.flow.component.html.Span(label), remove));
        }
        Select<Team> team = new Select<>();
        team.setLabel(getTranslation("people.team"));
        team.setId("person-team");
        team.setItems(teams.values().stream().sorted(java.util.Comparator.comparing(Team::name)).toList());
        team.setItemLabelGenerator(Team::name);
        Checkbox supervisor = new Checkbox(getTranslation("people.supervisor"));
        supervisor.setId("person-team-supervisor");
        Button addToTeam = new Button(getTranslation("people.add-to-team"), e -> {
            if (team.getValue() == null) {
                team.setErrorMessage(getTranslation("people.choose-team"));
                team.setInvalid(true);
                return;
            }
            if (Feedback.run(this, "people.teams-saved", team, () -> directory.addToTeam(team.getValue().id(), person.id(), supervisor.getValue()))) {
                edit(person);
            }
        });
        addToTeam.setId("add-to-team");
        section.add(row(team, supervisor, addToTeam));

        if (person.account() != null) {
            accounts.localAccountsOfTenant().stream().filter(a -> a.account().equals(person.account())).findFirst().ifPresent(local -> {
                section.add(new H3(getTranslation("people.local-account", local.username())));
                PasswordField password = new PasswordField(getTranslation("people.first-password"));
                password.setId("reset-password");
                Button reset = new Button(getTranslation("people.reset-password"), e -> {
                    if (Feedback.run(this, "people.password-reset", password, () -> accounts.resetPassword(local.account(), password.getValue()))) {
                        password.clear();
                        refresh();
                    }
                });
                reset.setId("reset-password-button");
                section.add(row(password, reset));
            });
        }
        section.add(removal(person));
        editor.add(section);
    }

    /** Removing the person: says what goes and what stays, and asks once more before it happens. */
    private Section removal(Person person) {
        Section section = new Section(new H3(getTranslation("people.remove")));
        section.setId("person-removal");
        section.add(new Paragraph(getTranslation("people.remove-help")));
        Button remove = new Button(getTranslation("people.remove-button", person.displayName()), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("people.remove-confirm-title", person.displayName()),
                    getTranslation("people.remove-confirm"), getTranslation("people.remove-confirm-button"), c -> {
                        PersonRemovalManagement.Removal done = Feedback.get(this, "people.removed", null, () -> removals.remove(person.id()));
                        if (done != null) {
                            people.deselectAll();
                            editor.removeAll();
                            refresh();
                        }
                    }, getTranslation("admin.cancel"), c -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("remove-person-confirm");
            confirm.open();
        });
        remove.setId("remove-person");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        section.add(remove);
        return section;
    }

    private void refresh() {
        people.setItems(directory.people());
        localAccounts.setItems(accounts.localAccountsOfTenant());
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title") + " – " + getTranslation("app.name");
    }
}
