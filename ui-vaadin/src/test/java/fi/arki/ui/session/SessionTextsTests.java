package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.deck.DeckManifest;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.Provenance;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A development target's dimension is named by the deck's {@code dimension.<id>} text where the
 * deck gives one (the format allows it, decks need not), else by the title of the dimension's
 * first card, else by its id: never blank, never a missing-text marker.
 */
class SessionTextsTests {

    static InstalledDeck deck(Map<String, String> finnish) {
        Card competence = new Card("competence", 15, true, "competence", List.of(new Activity.Prompt("prompt")));
        Card wellbeing = new Card("wellbeing", 15, true, "wellbeing", List.of(new Activity.Prompt("prompt")));
        DeckManifest manifest = new DeckManifest("d", "1.0.0", ">=0.1", List.of(Language.FI), new Provenance("x", null, null),
                "CC-BY-4.0", List.of(), List.of(competence, wellbeing));
        return new InstalledDeck(manifest, new DeckTexts(Map.of(Language.FI, finnish)), DeckOrigin.CODE, true);
    }

    @Test
    void a_dimension_is_named_by_its_label_then_by_its_first_cards_title_then_by_its_id() {
        SessionTexts texts = new SessionTexts(deck(Map.of(
                "dimension.competence", "Osaaminen",
                "card.competence.title", "Osaamisen kortti",
                "card.wellbeing.title", "Työhyvinvointi {organisation:inessive}")), Language.FI, OrganisationName.of("Pohjanmaa"));
        assertThat(texts.dimension("competence")).isEqualTo("Osaaminen");
        assertThat(texts.dimension("wellbeing")).startsWith("Työhyvinvointi").doesNotContain("{");
        assertThat(texts.dimension("unknown")).isEqualTo("unknown");
    }
}
