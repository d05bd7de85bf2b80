package fi.arki.deck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.DeckProblem;
import fi.arki.deck.DeckState;
import fi.arki.deck.InstalledDeck;
import org.junit.jupiter.api.Test;

class DeckContentsTests {

    InstalledDeck kitchenSink(DeckContents contents) {
        var read = new DeckReader(SemanticVersion.parse("0.1.0").orElseThrow()).read(new DeckFiles(TestDecks.kitchenSink())).deck();
        return contents.installed(new StoredDeck("kitchen-sink", "1.0.0", fi.arki.deck.DeckOrigin.CODE, null,
                DeckReader.toJson(read.manifestJson()), DeckReader.textsToJson(read.texts()), read.contentHash(), null));
    }

    @Test
    void a_stored_version_that_does_not_run_on_this_platform_is_failed_with_the_reason() {
        DeckContents upgraded = new DeckContents(SemanticVersion.parse("1.2.0").orElseThrow());
        InstalledDeck deck = kitchenSink(upgraded);
        assertThat(upgraded.state(deck)).isEqualTo(DeckState.FAILED);
        assertThat(upgraded.problems(deck)).containsExactly(DeckProblem.of("deck.problem.platform-unsupported", ">=0.1.0 <1.0.0", "1.2.0"));

        DeckContents current = new DeckContents(SemanticVersion.parse("0.4.0-SNAPSHOT").orElseThrow());
        assertThat(current.state(kitchenSink(current))).isEqualTo(DeckState.ACTIVE);
    }

    @Test
    void semantic_versions_order_as_semver_says() {
        assertThat(SemanticVersion.parse("1.0.0-alpha").orElseThrow()).isLessThan(SemanticVersion.parse("1.0.0-alpha.1").orElseThrow());
        assertThat(SemanticVersion.parse("1.0.0-beta.11").orElseThrow()).isGreaterThan(SemanticVersion.parse("1.0.0-beta.2").orElseThrow());
        assertThat(SemanticVersion.parse("1.0.0-rc.1").orElseThrow()).isLessThan(SemanticVersion.parse("1.0.0").orElseThrow());
        assertThat(SemanticVersion.parse("1.10.0").orElseThrow()).isGreaterThan(SemanticVersion.parse("1.9.3").orElseThrow());
        assertThat(SemanticVersion.parse("01.0.0")).isEmpty();
        assertThat(SemanticVersion.Range.parse(">=1.0.0 <2.0.0").orElseThrow().includes(SemanticVersion.parse("1.5.0").orElseThrow())).isTrue();
        assertThat(SemanticVersion.Range.parse(">=1.0.0 <2.0.0").orElseThrow().includes(SemanticVersion.parse("2.0.0").orElseThrow())).isFalse();
        assertThat(SemanticVersion.Range.parse("1.2.3").orElseThrow().includes(SemanticVersion.parse("1.2.3").orElseThrow())).isTrue();
        assertThat(SemanticVersion.Range.parse(">1.0.0 <=1.0.0").orElseThrow().empty()).isTrue();
        assertThat(SemanticVersion.Range.parse(">=2.0.0 <1.0.0").orElseThrow().empty()).isTrue();
        assertThat(SemanticVersion.Range.parse(">=1.0.0 =1.5.0").orElseThrow().empty()).isFalse();
        assertThat(SemanticVersion.Range.parse(">=1.0.0 <2.0.0").orElseThrow().empty()).isFalse();
        // the manifest's text is taken as written, and the range grammar stays narrow
        assertThat(SemanticVersion.parse("v1.0.0")).isEmpty();
        assertThat(SemanticVersion.parse(" 1.0.0")).isEmpty();
        assertThat(SemanticVersion.parse("1.0.0-01")).isEmpty();
        assertThat(SemanticVersion.parse("1.0")).isEmpty();
        assertThat(SemanticVersion.Range.parse("^1.0.0")).isEmpty();
        assertThat(SemanticVersion.Range.parse(">=1.0.0 || <0.5.0")).isEmpty();
        // build metadata is not part of the precedence; pre-release platforms are compared like any version
        assertThat(SemanticVersion.parse("1.0.0+build.7").orElseThrow()).isEqualByComparingTo(SemanticVersion.parse("1.0.0").orElseThrow());
        assertThat(SemanticVersion.Range.parse(">=0.1.0-alpha <1.0.0").orElseThrow().includes(SemanticVersion.parse("0.2.0-beta").orElseThrow())).isTrue();
    }
}
