package fi.arki.ui.insight;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.insight.Rollup;
import fi.arki.insight.RollupManagement;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.Language;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.layout.PlatformView;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;

/**
 * The platform administrator's cross-organisation view: the organisations that chose to share,
 * their rollout in counts, and their ratings pooled. Nothing of any team's words or names.
 */
@Route("platform/rollup")
@Menu(title = "nav.platform.rollup", order = 905)
@RolesAllowed(AccessRoles.PLATFORM_ADMIN)
public class RollupView extends Main implements HasDynamicTitle, PlatformView {

    private final RollupManagement rollups;
    private final Div content = new Div();

    public RollupView(RollupManagement rollups) {
        this.rollups = rollups;
        addClassName("arki-page");
        add(new H1(getTranslation("rollup.title")));
        Paragraph privacy = new Paragraph(getTranslation("rollup.privacy"));
        privacy.addClassName("arki-help");
        add(privacy);
        add(CoverageView.period(this, "rollup-period", this::show), content);
        show(12);
    }

    private void show(int months) {
        content.removeAll();
        Language language = LanguageSupport.current();
        Rollup result = rollups.rollup(CoverageView.since(months), language);
        content.add(organisations(result), ratings(result, language));
    }

    private Section organisations(Rollup result) {
        Section section = new Section(new H2(getTranslation("rollup.organisations")));
        section.setId("rollup-organisations");
        Paragraph summary = new Paragraph(getTranslation("rollup.summary", result.organisations().size(), result.notSharing(),
                result.teamsReached(), result.teams(), result.sessions(), CoverageView.DAY.format(result.since())));
        summary.setId("rollup-summary");
        section.add(summary);
        if (result.organisations().isEmpty()) {
            section.add(new Paragraph(getTranslation("rollup.none")));
            return section;
        }
        NativeTable table = new NativeTable();
        table.addClassName("arki-table");
        table.setId("rollup-table");
        table.setCaptionText(getTranslation("rollup.caption"));
        CoverageView.header(this, table, "rollup.col.organisation", "rollup.col.reached", "coverage.col.sessions",
                "coverage.col.open", "coverage.col.done", "coverage.col.overdue");
        for (Rollup.OrganisationLine line : result.organisations()) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(line.name());
            row.getHeaderCells().getFirst().getElement().setAttribute("scope", "row");
            row.addDataCell().setText(line.teamsReached() + "/" + line.teams());
            row.addDataCell().setText(String.valueOf(line.sessions()));
            row.addDataCell().setText(String.valueOf(line.targetsOpen()));
            row.addDataCell().setText(String.valueOf(line.targetsDone()));
            row.addDataCell().setText(String.valueOf(line.targetsOverdue()));
        }
        section.add(table);
        return section;
    }

    private Section ratings(Rollup result, Language language) {
        Section section = new Section(new H2(getTranslation("coverage.ratings")));
        section.setId("rollup-ratings");
        if (result.ratings().isEmpty()) {
            section.add(new Paragraph(getTranslation("rollup.ratings.none")));
            return section;
        }
        NumberFormat decimal = NumberFormat.getNumberInstance(language.locale());
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        int index = 0;
        for (Rollup.RatingLine line : result.ratings()) {
            Div item = new Div();
            item.addClassName("arki-rating-line");
            item.setId("rollup-rating-" + index++);
            Span where = new Span(line.deck() + " · " + line.card());
            where.addClassName("arki-muted");
            Paragraph total = new Paragraph(getTranslation("rollup.rating.total", line.organisations()) + ": "
                    + CoverageView.figure(this, line.total(), line.scale(), decimal));
            total.addClassName("arki-rating-total");
            item.add(new H3(line.question()), where, total);
            section.add(item);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rollup.title") + " – " + getTranslation("app.name");
    }
}
