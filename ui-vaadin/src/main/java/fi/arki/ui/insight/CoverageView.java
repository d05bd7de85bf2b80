package fi.arki.ui.insight;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.deck.RatingScale;
import fi.arki.directory.UnitId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.insight.Coverage;
import fi.arki.insight.CoverageManagement;
import fi.arki.insight.FollowThrough;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rollout coverage for customer-experience leads and management: which teams have held
 * everyday conversations in a period, what they committed to, and ratings pooled over sessions
 * with enough respondents. Counts and aggregates only; no one's answers.
 */
@Route("coverage")
@Menu(title = "nav.coverage", order = 30)
@RolesAllowed({"TENANT_ADMIN", "FACILITATOR"})
public class CoverageView extends Main implements HasDynamicTitle {

    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy").withZone(ZONE);
    static final List<Integer> PERIODS = List.of(3, 6, 12, 24);

    private final CoverageManagement coverage;
    private final TenantSettingsManagement tenantSettings;
    private final IdeaManagement ideas;
    private final Div content = new Div();

    public CoverageView(CoverageManagement coverage, TenantSettingsManagement tenantSettings, IdeaManagement ideas) {
        this.coverage = coverage;
        this.tenantSettings = tenantSettings;
        this.ideas = ideas;
        addClassName("arki-page");
        add(new H1(getTranslation("coverage.title")));
        Paragraph privacy = new Paragraph(getTranslation("coverage.privacy", tenantSettings.current().anonymityThreshold()));
        privacy.addClassName("arki-help");
        add(privacy);
        add(period(this, "coverage-period", this::show), content);
        show(12);
    }

    /** The period to look back over, in months (12 to begin with); {@code show} runs with each choice. */
    static Select<Integer> period(com.vaadin.flow.component.Component view, String id, java.util.function.IntConsumer show) {
        Select<Integer> period = new Select<>();
        period.setId(id);
        period.setLabel(view.getTranslation("coverage.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(months -> view.getTranslation("coverage.period.months", months));
        period.setValue(12);
        period.addValueChangeListener(e -> show.accept(e.getValue() == null ? 12 : e.getValue()));
        return period;
    }

    /** The start of a period of whole months, this month included, in Finnish time. */
    static Instant since(int months) {
        return ZonedDateTime.now(ZONE).toLocalDate().withDayOfMonth(1).minusMonths(months - 1L).atStartOfDay(ZONE).toInstant();
    }

    private void show(int months) {
        content.removeAll();
        Language language = LanguageSupport.current();
        OrganisationName organisation = tenantSettings.current().organisationName(CurrentUser.require().tenantName());
        Coverage result = coverage.coverage(since(months), language, organisation);
        content.add(overview(result, language), units(result), ratings(result, language), targets(result), ideas());
    }

    private Section overview(Coverage result, Language language) {
        Section section = new Section(new H2(getTranslation("coverage.overview")));
        section.setId("coverage-overview");
        Paragraph reached = new Paragraph(getTranslation("coverage.reached", result.teamsReached(), result.teamCount(),
                DAY.format(result.since())));
        reached.setId("coverage-reached");
        long open = result.targets().stream().filter(t -> t.status() == fi.arki.followup.TargetStatus.OPEN).count();
        long overdue = result.targets().stream().filter(Coverage.TargetLine::overdue).count();
        Paragraph counts = new Paragraph(getTranslation("coverage.counts", result.sessionCount(), result.targets().size(), open, overdue));
        counts.setId("coverage-counts");
        section.add(reached, counts, monthChart(result, language));
        return section;
    }

    /** Sessions per month as a server-drawn SVG bar chart; the alt text carries every number. */
    private Image monthChart(Coverage result, Language language) {
        List<Coverage.MonthCount> months = result.months();
        int most = Math.max(1, months.stream().mapToInt(Coverage.MonthCount::sessions).max().orElse(1));
        int bar = 28;
        int gap = 8;
        int height = 110;
        int width = Math.max(1, months.size()) * (bar + gap) + gap;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + width + " " + (height + 20)
                + "' font-family='sans-serif' font-size='10'>");
        for (int i = 0; i < months.size(); i++) {
            Coverage.MonthCount m = months.get(i);
            int h = (int) Math.round((height - 16) * (double) m.sessions() / most);
            int x = gap + i * (bar + gap);
            svg.append("<rect x='").append(x).append("' y='").append(height - h).append("' width='").append(bar)
                    .append("' height='").append(h).append("' fill='#1f5f99'/>");
            svg.append("<text x='").append(x + bar / 2).append("' y='").append(height + 14).append("' text-anchor='middle'>")
                    .append(m.month().getMonthValue()).append('/').append(m.month().getYear() % 100).append("</text>");
            if (m.sessions() > 0) {
                svg.append("<text x='").append(x + bar / 2).append("' y='").append(height - h - 3).append("' text-anchor='middle'>")
                        .append(m.sessions()).append("</text>");
            }
        }
        svg.append("</svg>");
        String alt = getTranslation("coverage.chart.alt") + ": " + months.stream()
                .map(m -> m.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, language.locale()) + " " + m.month().getYear()
                        + " " + m.sessions())
                .collect(Collectors.joining(", "));
        Image chart = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8)), alt);
        chart.addClassName("arki-chart");
        chart.setId("coverage-months");
        return chart;
    }

    private Section units(Coverage result) {
        Section section = new Section(new H2(getTranslation("coverage.units")));
        section.setId("coverage-units");
        if (result.units().isEmpty()) {
            section.add(new Paragraph(getTranslation("coverage.units.none")));
        }
        for (Coverage.UnitLine unit : result.units()) {
            NativeTable table = new NativeTable();
            table.setId("coverage-unit-" + unit.id().value());
            table.addClassName("arki-table");
            table.setCaptionText(getTranslation("coverage.unit.caption", unit.name(), unit.teamsReached(), unit.teams().size()));
            header(table, "coverage.col.team", "coverage.col.sessions", "coverage.col.last", "coverage.col.decks",
                    "coverage.col.open", "coverage.col.done", "coverage.col.overdue", "coverage.col.follow-through");
            for (Coverage.TeamLine team : unit.teams()) {
                NativeTableRow row = table.getBody().addRow();
                row.addHeaderCell().setText(team.name());
                row.getHeaderCells().getFirst().getElement().setAttribute("scope", "row");
                row.addDataCell().setText(Integer.toString(team.sessions()));
                row.addDataCell().setText(team.lastSession() == null ? "–" : DAY.format(team.lastSession()));
                row.addDataCell().setText(team.decks().isEmpty() ? "–" : String.join(", ", team.decks()));
                row.addDataCell().setText(Integer.toString(team.openTargets()));
                row.addDataCell().setText(Integer.toString(team.doneTargets()));
                row.addDataCell().setText(Integer.toString(team.overdueTargets()));
                row.addDataCell().setText(followThrough(team.followThrough()));
                if (team.sessions() == 0) {
                    row.addClassName("arki-not-reached");
                }
            }
            section.add(table);
        }
        if (!result.units().isEmpty()) {
            Paragraph note = new Paragraph(getTranslation("coverage.follow-through.note", result.threshold()));
            note.setId("coverage-follow-through-note");
            note.addClassName("arki-muted");
            section.add(note);
        }
        return section;
    }

    /** "60 % (3/5)", or only the counts below the threshold ("–, 3/4 due"), or "–" with nothing due. */
    private String followThrough(FollowThrough figure) {
        if (figure.percent() != null) {
            return getTranslation("coverage.follow-through.rate", figure.percent(), figure.done(), figure.due());
        }
        return figure.due() == 0 ? "–" : getTranslation("coverage.follow-through.withheld", figure.done(), figure.due());
    }

    private Section ratings(Coverage result, Language language) {
        Section section = new Section(new H2(getTranslation("coverage.ratings")));
        section.setId("coverage-ratings");
        if (result.ratings().isEmpty()) {
            section.add(new Paragraph(getTranslation("coverage.ratings.none")));
            return section;
        }
        Map<UnitId, String> unitNames = result.units().stream().collect(Collectors.toMap(Coverage.UnitLine::id, Coverage.UnitLine::name));
        NumberFormat decimal = NumberFormat.getNumberInstance(language.locale());
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        int index = 0;
        for (Coverage.RatingLine line : result.ratings()) {
            Div item = new Div();
            item.addClassName("arki-rating-line");
            item.setId("coverage-rating-" + index++);
            Span where = new Span(line.deck() + " · " + line.card());
            where.addClassName("arki-muted");
            item.add(new H3(line.question()), where);
            if (line.total() == null) {
                item.add(new Paragraph(getTranslation("coverage.rating.withheld", result.threshold())));
            } else {
                Paragraph total = new Paragraph(getTranslation("coverage.rating.total") + ": " + figure(line.total(), line.scale(), decimal));
                total.addClassName("arki-rating-total");
                item.add(total);
                if (!line.byUnit().isEmpty()) {
                    NativeTable table = new NativeTable();
                    table.addClassName("arki-table");
                    table.setCaptionText(getTranslation("coverage.rating.by-unit"));
                    header(table, "coverage.col.unit", "coverage.col.result");
                    line.byUnit().forEach((unit, figure) -> {
                        NativeTableRow row = table.getBody().addRow();
                        row.addHeaderCell().setText(unitNames.getOrDefault(unit, "?"));
                        row.getHeaderCells().getFirst().getElement().setAttribute("scope", "row");
                        row.addDataCell().setText(figure(figure, line.scale(), decimal));
                    });
                    item.add(table);
                }
            }
            if (line.leftOut() > 0) {
                Paragraph leftOut = new Paragraph(getTranslation("coverage.rating.left-out", line.leftOut(), result.threshold()));
                leftOut.addClassName("arki-muted");
                item.add(leftOut);
            }
            section.add(item);
        }
        return section;
    }

    private String figure(Coverage.Figure figure, RatingScale scale, NumberFormat decimal) {
        return figure(this, figure, scale, decimal);
    }

    /** A pooled rating in words: net score on NPS scales, the average on its scale, and how many answers and sessions it holds. */
    static String figure(com.vaadin.flow.component.Component view, Coverage.Figure figure, RatingScale scale, NumberFormat decimal) {
        String average = view.getTranslation("coverage.rating.average", decimal.format(figure.average()), scale.min(), scale.max());
        String score = figure.netScore() == null ? ""
                : view.getTranslation("coverage.rating.net", (figure.netScore() > 0 ? "+" : "") + figure.netScore()) + ", ";
        return score + average + " " + view.getTranslation("coverage.rating.basis", figure.answers(), figure.sessions());
    }

    /** The idea pipeline in figures: how many ideas teams have escalated, by status (all time, no texts). */
    private Section ideas() {
        Section section = new Section(new H2(getTranslation("coverage.ideas")));
        section.setId("coverage-ideas");
        Map<IdeaStatus, Integer> counts = ideas.countsByStatus();
        Paragraph figures = new Paragraph(getTranslation("ideas.counts", Arrays.stream(IdeaStatus.values()).map(counts::get).toArray()));
        figures.setId("coverage-idea-counts");
        Paragraph help = new Paragraph(getTranslation("coverage.ideas.help"));
        help.addClassName("arki-help");
        section.add(figures, help);
        return section;
    }

    private Section targets(Coverage result) {
        Section section = new Section(new H2(getTranslation("coverage.targets")));
        section.setId("coverage-targets");
        if (result.targets().isEmpty()) {
            section.add(new Paragraph(getTranslation("coverage.targets.none")));
            return section;
        }
        NativeTable table = new NativeTable();
        table.addClassName("arki-table");
        table.setCaptionText(getTranslation("coverage.targets.caption"));
        header(table, "coverage.col.target", "coverage.col.team", "coverage.col.due", "coverage.col.status");
        for (Coverage.TargetLine target : result.targets()) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(target.title());
            row.getHeaderCells().getFirst().getElement().setAttribute("scope", "row");
            row.addDataCell().setText(target.teamName());
            row.addDataCell().setText(DAY.format(target.due().atStartOfDay(ZONE)));
            row.addDataCell().setText(getTranslation(target.overdue() ? "coverage.status.overdue"
                    : "coverage.status." + target.status().code()));
            if (target.overdue()) {
                row.addClassName("arki-overdue");
            }
        }
        section.add(table);
        return section;
    }

    private void header(NativeTable table, String... keys) {
        header(this, table, keys);
    }

    /** A table's column headers, translated, each scoped to its column. */
    static void header(com.vaadin.flow.component.Component view, NativeTable table, String... keys) {
        NativeTableRow row = table.getHead().addRow();
        for (String key : keys) {
            var cell = row.addHeaderCell();
            cell.setText(view.getTranslation(key));
            cell.getElement().setAttribute("scope", "col");
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation("coverage.title") + " – " + getTranslation("app.name");
    }
}
