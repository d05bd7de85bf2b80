package fi.arki.ui.session;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import fi.arki.insight.Summary;
import java.util.Optional;

/**
 * The summary's review of the targets the team committed earlier: each with the outcome and the
 * note the slot gave it. The exports had it; the screen did not, so a facilitator reading the
 * summary could not see what the slot decided about last time's targets.
 */
final class SummaryReviews {

    private SummaryReviews() {
    }

    /** Empty when the session reviewed nothing. */
    static Optional<Section> of(SummaryView view, Summary summary) {
        if (summary.reviews().isEmpty()) {
            return Optional.empty();
        }
        Section section = new Section(new H2(view.getTranslation("summary.reviews")));
        section.setId("summary-reviews");
        UnorderedList list = new UnorderedList();
        for (Summary.ReviewLine review : summary.reviews()) {
            ListItem item = new ListItem(new Span(review.title()), StepParts.badge(review.outcome()));
            if (review.note() != null && !review.note().isBlank()) {
                item.add(new Span(" " + review.note()));
            }
            list.add(item);
        }
        section.add(list);
        return Optional.of(section);
    }
}
