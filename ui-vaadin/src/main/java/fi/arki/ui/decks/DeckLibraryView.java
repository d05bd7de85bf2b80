package fi.arki.ui.decks;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.InstalledDeck;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The decks a facilitator is offered: each enabled deck with its source, its cards (how long each
 * takes, whether it runs alone) and what each card asks the team to do, in the facilitator's
 * language with the organisation's name filled in. Each deck is a section {@code library-deck-<id>}
 * where starting a session belongs.
 */
@Route("decks")
@Menu(title = "nav.deck-library", order = 20)
@RolesAllowed("FACILITATOR")
public class DeckLibraryView extends Main implements HasDynamicTitle {

    public DeckLibraryView(DeckCatalog catalog, TenantSettingsManagement tenantSettings) {
        addClassName("arki-page");
        add(new H1(getTranslation("decks.library.title")));
        Language language = LanguageSupport.current();
        OrganisationName organisation = tenantSettings.current().organisationName(CurrentUser.require().tenantName());
        List<InstalledDeck> decks = catalog.enabledForCurrentTenant();
        if (decks.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("decks.library.empty"));
            empty.setId("library-empty");
            add(empty);
        } else {
            add(new Paragraph(getTranslation("decks.library.intro")));
        }
        decks.forEach(deck -> add(deckSection(catalog, deck, language, organisation)));
    }

    private Section deckSection(DeckCatalog catalog, InstalledDeck deck, Language language, OrganisationName organisation) {
        Section section = new Section();
        section.addClassName("arki-deck");
        section.setId("library-deck-" + deck.id());
        H2 heading = new H2(DeckTexts.title(deck, language));
        heading.setId("library-heading-" + deck.id());
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        section.add(heading, new Paragraph(deck.texts().text(language, "deck.description", organisation)));
        var provenance = deck.manifest().provenance();
        Paragraph source = new Paragraph(getTranslation("decks.library.source", provenance.source()));
        source.addClassName("arki-source");
        section.add(source);
        section.add(new Paragraph(getTranslation("decks.library.version", deck.version(), DeckTexts.languages(deck))));
        if (!deck.manifest().locales().contains(language)) {
            Paragraph notice = new Paragraph(getTranslation("decks.library.not-in-your-language"));
            notice.addClassName("arki-notice");
            section.add(notice);
        }
        for (Card card : deck.manifest().cards()) {
            section.add(cardDetails(catalog, deck, card, language, organisation));
        }
        return section;
    }

    private Details cardDetails(DeckCatalog catalog, InstalledDeck deck, Card card, Language language, OrganisationName organisation) {
        String summary = deck.texts().text(language, "card." + card.id() + ".title") + " · "
                + getTranslation("decks.library.minutes", card.minutes())
                + (card.standalone() ? " · " + getTranslation("decks.library.standalone") : "");
        OrderedList steps = new OrderedList();
        steps.addClassName("arki-activities");
        for (Activity activity : card.activities()) {
            String prefix = "card." + card.id() + "." + activity.id();
            ListItem step = new ListItem();
            Span kind = new Span(getTranslation("decks.kind." + activity.kind().code()) + ": ");
            kind.addClassName("arki-kind");
            step.add(kind, new Span(deck.texts().text(language, prefix, organisation)));
            deck.texts().find(language, prefix + ".help").ifPresent(help -> {
                Div h = new Div(new Span(organisation.fill(help, language)));
                h.addClassName("arki-help");
                step.add(h);
            });
            switch (activity) {
                case Activity.Intro intro -> {
                    deck.texts().find(language, prefix + ".source").ifPresent(s ->
                            step.add(new Div(new Span(getTranslation("decks.library.intro-source", s)))));
                    if (intro.videoUrl() != null) {
                        Anchor video = new Anchor(intro.videoUrl(), getTranslation("decks.library.video"), AnchorTarget.BLANK);
                        video.getElement().setAttribute("rel", "noopener noreferrer");
                        step.add(new Div(video));
                    }
                    if (intro.image() != null) {
                        String name = intro.image();
                        Image image = new Image(DownloadHandler.fromInputStream(event -> catalog.image(deck.id(), deck.version(), name)
                                .map(i -> new DownloadResponse(new ByteArrayInputStream(i.content()), name.substring(name.lastIndexOf('/') + 1),
                                        i.mediaType(), i.content().length))
                                .orElseGet(() -> DownloadResponse.error(404))),
                                deck.texts().text(language, prefix + ".alt"));
                        image.addClassName("arki-deck-image");
                        step.add(new Div(image));
                    }
                }
                case Activity.Vote vote -> step.add(new Div(new Span(getTranslation("decks.library.vote-budget", vote.budget()))));
                case Activity.Rate rate -> step.add(new Div(new Span(getTranslation("decks.scale." + rate.scale().code()))));
                case Activity.Pulse pulse -> step.add(new Div(new Span(getTranslation("decks.scale." + pulse.scale().code()))));
                case Activity.CommitTargets targets -> step.add(new Div(new Span(getTranslation("decks.library.targets-max", targets.max()))));
                default -> { }
            }
            steps.add(step);
        }
        Details details = new Details(summary, steps);
        details.setId("card-" + deck.id() + "-" + card.id());
        details.addClassName("arki-card");
        return details;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("decks.library.title") + " – " + getTranslation("app.name");
    }
}
