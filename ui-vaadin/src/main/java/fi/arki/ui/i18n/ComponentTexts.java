package fi.arki.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.PasswordField;
import fi.arki.shared.Language;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The words Vaadin's own components say by themselves (a date picker's months and buttons, the
 * menu toggle, the password field's eye button), in the user's language instead of Vaadin's
 * English. Month and weekday names come from the JDK's locale data (CLDR), not from lists of ours;
 * weeks start on Monday and dates read d.M.yyyy, as everywhere else in Arki (Finland's convention,
 * also for its Swedish and English speakers).
 */
public final class ComponentTexts {

    /** The date format of every date picker, as Arki writes dates elsewhere (SessionsView.DAY). */
    public static final String DATE_FORMAT = "d.M.yyyy";

    private ComponentTexts() {
    }

    /** Every Vaadin component under {@code root} (and itself) that says something of its own, in the UI's language. */
    public static void localize(Component root) {
        localize(root, LanguageSupport.current(), root::getTranslation);
    }

    static void localize(Component root, Language language, Function<String, String> texts) {
        apply(root, language, texts);
        root.getChildren().forEach(child -> localize(child, language, texts));
    }

    private static void apply(Component component, Language language, Function<String, String> texts) {
        switch (component) {
            case DatePicker picker -> {
                picker.setLocale(language.locale());
                picker.setI18n(datePicker(language, texts));
            }
            case PasswordField password -> {
                // the web component merges a partial i18n object with its defaults
                password.getElement().setPropertyMap("i18n", java.util.Map.of("reveal", texts.apply("vaadin.password.reveal")));
            }
            case DrawerToggle toggle -> toggle.setAriaLabel(texts.apply("vaadin.drawer.toggle"));
            case AppLayout layout -> layout.setI18n(new AppLayout.AppLayoutI18n().setDrawer(texts.apply("vaadin.drawer")));
            default -> {
            }
        }
    }

    /**
     * The connection indicator's texts ("Online", "Connection lost") in {@code ui}'s language: the
     * reconnecting and gave-up texts through Flow's {@link com.vaadin.flow.component.ReconnectDialogConfiguration},
     * the "online" text, which Flow has no setting for, on the client's indicator itself.
     */
    public static void connection(com.vaadin.flow.component.UI ui, Function<String, String> texts) {
        reconnect(ui.getReconnectDialogConfiguration(), texts);
        List<String> indicator = indicatorTexts(texts);
        ui.getPage().executeJs("const i = window.Vaadin && window.Vaadin.connectionIndicator;"
                + " if (i) { i.onlineText = $0; i.reconnectingText = $1; i.offlineText = $2; }",
                indicator.get(0), indicator.get(1), indicator.get(2));
    }

    static void reconnect(com.vaadin.flow.component.ReconnectDialogConfiguration configuration, Function<String, String> texts) {
        configuration.setDialogText(texts.apply("vaadin.connection.reconnecting"));
        configuration.setDialogTextGaveUp(texts.apply("vaadin.connection.lost"));
    }

    /** The indicator's online, reconnecting and offline texts. */
    static List<String> indicatorTexts(Function<String, String> texts) {
        return List.of(texts.apply("vaadin.connection.online"), texts.apply("vaadin.connection.reconnecting"),
                texts.apply("vaadin.connection.lost"));
    }

    static DatePicker.DatePickerI18n datePicker(Language language, Function<String, String> texts) {
        List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY); // the order Vaadin's lists take
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, language.locale())).toList())
                .setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, language.locale())).toList())
                .setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, language.locale())).toList())
                .setFirstDayOfWeek(1)
                .setDateFormat(DATE_FORMAT)
                .setToday(texts.apply("vaadin.date.today"))
                .setCancel(texts.apply("vaadin.date.cancel"))
                .setBadInputErrorMessage(texts.apply("vaadin.date.bad-input"));
    }
}
