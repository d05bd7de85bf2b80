package fi.arki.ui.session;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.arki.deck.Activity;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckImage;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.session.LiveState;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An intro step's body: its source, a link to its video (http/https only) and the deck's picture
 * with its alternative text. Built once per view and changed from step to step.
 */
final class IntroParts extends Div {

    private static final int MAX_CACHED = 200;
    /** Deck versions never change, so a picture read once serves every viewer of every session using it. */
    private static final Map<String, DeckImage> CACHE = new ConcurrentHashMap<>();

    private final TenantId tenant;
    private final DeckCatalog catalog;
    private final Paragraph source = new Paragraph();
    private final Anchor video = new Anchor();
    private final Div picture = new Div();
    private String shownImage;

    IntroParts(TenantId tenant, DeckCatalog catalog) {
        this.tenant = tenant;
        this.catalog = catalog;
        addClassName("arki-intro");
        source.addClassName("arki-source");
        video.setTarget(AnchorTarget.BLANK);
        video.getElement().setAttribute("rel", "noopener noreferrer");
        video.setId("intro-video");
        video.setText(getTranslation("session.intro.video"));
        picture.addClassName("arki-intro-image");
        add(source, video, picture);
    }

    void show(SessionTexts texts, LiveState.Step step) {
        Activity.Intro intro = (Activity.Intro) texts.activity(step);
        Optional<String> from = texts.source(step);
        Ui.text(source, from.map(s -> getTranslation("session.intro.source", s)).orElse(""));
        Ui.visible(source, from.isPresent());
        Optional<String> link = SessionTexts.safeLink(intro.videoUrl());
        link.ifPresent(url -> {
            if (!url.equals(video.getHref())) {
                video.setHref(url);
            }
        });
        Ui.visible(video, link.isPresent());
        String image = intro.image();
        String key = image == null ? null : texts.deck().id() + "@" + texts.deck().version() + "/" + image + "/" + texts.language();
        if (!java.util.Objects.equals(key, shownImage)) {
            shownImage = key;
            picture.removeAll();
            if (image != null) {
                picture.add(image(texts, image, texts.alt(step).orElse("")));
            }
        }
        Ui.visible(picture, image != null);
    }

    private Image image(SessionTexts texts, String name, String alt) {
        String deckId = texts.deck().id();
        String version = texts.deck().version();
        Image img = new Image(DownloadHandler.fromInputStream(event -> find(deckId, version, name)
                .map(i -> new DownloadResponse(new ByteArrayInputStream(i.content()), name.substring(name.lastIndexOf('/') + 1),
                        i.mediaType(), i.content().length))
                .orElseGet(() -> DownloadResponse.error(404))), alt);
        img.setId("intro-image");
        img.addClassName("arki-deck-image");
        return img;
    }

    private Optional<DeckImage> find(String deckId, String version, String name) {
        // the picture of a tenant's own deck is the tenant's: the cache key holds who asked
        String key = tenant + "/" + deckId + "@" + version + "/" + name;
        DeckImage cached = CACHE.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DeckImage> found = TenantContext.callAs(tenant, () -> catalog.image(deckId, version, name));
        if (found.isPresent()) {
            if (CACHE.size() > MAX_CACHED) {
                CACHE.clear();
            }
            CACHE.put(key, found.get());
        }
        return found;
    }
}
