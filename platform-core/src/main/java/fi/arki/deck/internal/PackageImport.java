package fi.arki.deck.internal;

import fi.arki.deck.DeckProblem;
import fi.arki.deck.InvalidDeckException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Everything an uploaded package must pass before anything of it is stored: the archive itself
 * ({@link PackageReader}), its signature if it has one ({@link PackageSignature}), and the deck
 * ({@link DeckReader}, the same checks a code deck passes); no file may be left unused.
 */
@Component
public class PackageImport {

    /** A package ready to be stored: its deck and, if it was signed by a trusted key, that key's id. */
    public record Checked(DeckReader.ReadDeck deck, @Nullable String signingKey) {
    }

    private final DeckReader reader;
    private final PackageSignature signatures;

    PackageImport(DeckReader reader, PackageSignature signatures) {
        this.reader = reader;
        this.signatures = signatures;
    }

    public Checked check(byte[] zip) {
        PackageReader.Opened opened = PackageReader.open(zip);
        if (opened.files() == null) {
            throw new InvalidDeckException(opened.problems());
        }
        String signingKey = null;
        if (opened.signature() != null) {
            PackageSignature.Verdict verdict = signatures.verify(opened.files(), opened.signature());
            if (verdict.problem() != null) {
                throw new InvalidDeckException(List.of(verdict.problem()));
            }
            signingKey = verdict.keyId();
        }
        DeckReader.Reading reading = reader.read(opened.files());
        if (!reading.valid()) {
            throw new InvalidDeckException(reading.problems());
        }
        List<DeckProblem> unused = new ArrayList<>();
        for (String name : opened.files().files().keySet()) {
            boolean deckFile = name.equals(DeckFiles.MANIFEST) || name.startsWith("messages_");
            if (!deckFile && !reading.deck().images().containsKey(name)) {
                unused.add(DeckProblem.of("deck.problem.package.unused-file", name));
            }
        }
        if (!unused.isEmpty()) {
            throw new InvalidDeckException(unused);
        }
        return new Checked(reading.deck(), signingKey);
    }
}
