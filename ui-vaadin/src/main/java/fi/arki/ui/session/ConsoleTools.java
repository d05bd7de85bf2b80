package fi.arki.ui.session;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.insight.CardPrintManagement;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.LanguageSupport;
import java.io.ByteArrayInputStream;
import java.time.Duration;

/**
 * The console's toolbar: presenter, printed cards, timer, co-facilitators and "end session", in
 * one row at the top so that none of them is below the fold of a laptop screen.
 */
final class ConsoleTools extends Div {

    ConsoleTools(ConsoleActions console, DirectoryManagement directory, CardPrintManagement prints, String link) {
        addClassName("arki-console-tools");
        setId("console-tools");
        Anchor present = new Anchor("sessions/" + console.info.id() + "/present", getTranslation("session.presenter.open"));
        present.setTarget(AnchorTarget.BLANK);
        present.setId("open-presenter");
        // paper cards on the table, each with a QR code into this session (for rooms where phones, not laptops, are at hand)
        var language = LanguageSupport.current();
        Anchor print = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = TenantContext.callAs(console.tenant, () -> prints.pdf(console.info.id(), console.me, language, link));
            return new DownloadResponse(new ByteArrayInputStream(pdf), "arki-cards-" + console.info.joinCode() + ".pdf",
                    "application/pdf", pdf.length);
        }), getTranslation("session.print.cards"));
        print.setId("print-cards");
        print.getElement().setAttribute("download", true);
        print.setTitle(getTranslation("session.print.cards.help"));

        Select<Integer> minutes = new Select<>();
        minutes.setAriaLabel(getTranslation("session.timer.minutes"));
        minutes.setItems(1, 2, 3, 5, 10, 15);
        minutes.setValue(3);
        minutes.setId("timer-minutes");
        minutes.setItemLabelGenerator(m -> getTranslation("console.timer.minutes", m));
        minutes.addClassName("arki-timer-minutes");
        Button start = new Button(getTranslation("session.timer.start"), e -> console.act(() ->
                console.facilitation.timer(console.info.id(), Duration.ofMinutes(minutes.getValue()))));
        start.setId("timer-start");
        Button stop = new Button(getTranslation("session.timer.stop"), e -> console.act(() ->
                console.facilitation.timer(console.info.id(), null)));
        stop.setId("timer-stop");
        Div timer = new Div(minutes, start, stop);
        timer.addClassName("arki-tool-group");
        timer.getElement().setAttribute("role", "group");
        timer.getElement().setAttribute("aria-label", getTranslation("console.timer"));

        Select<Person> co = new Select<>();
        co.setLabel(getTranslation("session.cofacilitator"));
        co.setId("cofacilitator");
        co.setItems(directory.people().stream().filter(p -> !p.id().equals(console.me))
                .filter(p -> directory.rolesOf(p.id()).stream().anyMatch(r -> r == Role.FACILITATOR || r == Role.TENANT_ADMIN)).toList());
        co.setItemLabelGenerator(Person::displayName);
        Button add = new Button(getTranslation("session.cofacilitator.add"), e -> chosen(co, () ->
                console.act(() -> console.facilitation.addCoFacilitator(console.info.id(), co.getValue().id()))));
        add.setId("cofacilitator-add");
        Button handOver = new Button(getTranslation("session.handover"), e -> chosen(co, () ->
                console.act(() -> console.facilitation.handOver(console.info.id(), co.getValue().id()))));
        handOver.setId("handover");
        Div coRow = new Div(co, add, handOver);
        coRow.addClassName("arki-controls");
        Details others = new Details(getTranslation("console.cofacilitators"), coRow);
        others.setId("cofacilitators");
        others.addClassName("arki-tool-details");

        Button close = new Button(getTranslation("console.end"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("session.close.title"), getTranslation("session.close.text"),
                    getTranslation("session.close.confirm"), ok -> console.act(() -> console.facilitation.close(console.info.id())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("session.close.cancel"));
            confirm.setId("close-dialog");
            confirm.open();
        });
        close.setId("session-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(present, print, timer, others, close);
    }

    private static void chosen(Select<Person> co, Runnable action) {
        if (co.getValue() == null) {
            co.setErrorMessage(co.getTranslation("console.cofacilitator.choose"));
            co.setInvalid(true);
            return;
        }
        co.setInvalid(false);
        action.run();
    }

    /** A closed session: nothing left to time, hand over or end; the summary is offered instead. */
    void closed() {
        setVisible(false);
    }
}
