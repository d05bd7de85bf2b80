package fi.arki.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import fi.arki.identity.LocalAccountStatus;
import fi.arki.shared.AccountId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** Local accounts with their lock state, so an administrator sees who is locked out and can let them in. */
final class AccountsGrid {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AccountsGrid() {
    }

    static void configure(Grid<LocalAccountStatus> grid, Component view, Consumer<AccountId> unlock, Runnable refresh) {
        grid.setId("local-accounts");
        grid.setAriaLabel(view.getTranslation("accounts.title"));
        grid.addColumn(LocalAccountStatus::username).setHeader(view.getTranslation("people.username"));
        grid.addColumn(LocalAccountStatus::displayName).setHeader(view.getTranslation("people.name"));
        grid.addComponentColumn(a -> {
            Span state = new Span(a.lockedAt(Instant.now())
                    ? view.getTranslation("accounts.locked-until", UTC.format(a.lockedUntil()))
                    : view.getTranslation("accounts.failures", a.failedSignIns()));
            state.setId("lock-state-" + a.username());
            if (a.lockedAt(Instant.now())) {
                state.getElement().getThemeList().add("badge error");
            }
            return state;
        }).setHeader(view.getTranslation("accounts.state"));
        grid.addColumn(a -> a.lastSignIn() == null ? "–" : UTC.format(a.lastSignIn())).setHeader(view.getTranslation("accounts.last-sign-in"));
        grid.addComponentColumn(a -> {
            Button button = new Button(view.getTranslation("accounts.unlock"), e -> {
                if (Feedback.run(view, "accounts.unlocked", null, () -> unlock.accept(a.account()))) {
                    refresh.run();
                }
            });
            button.setId("unlock-" + a.username());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.setEnabled(a.lockedAt(Instant.now()) || a.failedSignIns() > 0);
            return button;
        });
        grid.setAllRowsVisible(true);
    }
}
