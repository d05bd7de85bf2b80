package fi.arki.ui.session;

import fi.arki.deck.DeckCatalog;
import fi.arki.session.LiveState;
import fi.arki.shared.TenantId;

/** An intro: the theory, as participants see it. */
final class ConsoleIntroPanel extends StepPanel {

    private final SessionTexts texts;
    private final IntroParts parts;

    ConsoleIntroPanel(TenantId tenant, DeckCatalog catalog, SessionTexts texts) {
        this.texts = texts;
        this.parts = new IntroParts(tenant, catalog);
        add(parts);
    }

    @Override
    void show(LiveState.Step step) {
        super.show(step);
        parts.show(texts, step);
    }

    @Override
    void update(LiveState state) {
        // nothing in an intro changes while it is on
    }
}
