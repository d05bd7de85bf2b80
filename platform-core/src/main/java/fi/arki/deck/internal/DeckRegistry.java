package fi.arki.deck.internal;

import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckProblem;
import fi.arki.deck.DeckVersionInstalled;
import fi.arki.deck.spi.DeckProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, reads every code deck ({@link DeckProvider} bean) with the same reader an uploaded
 * package goes through, and records each valid version it has not seen in the platform deck
 * catalogue. A stored version is never changed: a deck whose content differs from the stored
 * version of the same number is refused until its version is raised. A deck that fails is
 * recorded with its problems for administrators to see; it never stops the application.
 *
 * <p>Many nodes may start at once on one database: each deck is registered under a transaction
 * advisory lock on its id, and the insert does nothing if the version is there already, so every
 * version is stored once and no node records a failure for a version another node stored.
 */
@Component
@Order(0)
class DeckRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeckRegistry.class);

    private final ObjectProvider<DeckProvider> providers;
    private final DeckReader reader;
    private final PlatformDecks decks;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    DeckRegistry(ObjectProvider<DeckProvider> providers, DeckReader reader, PlatformDecks decks,
                 PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.providers = providers;
        this.reader = reader;
        this.decks = decks;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PlatformDecks.Failure> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        providers.orderedStream().forEach(provider -> {
            String name = provider.getClass().getName();
            try {
                List<DeckProblem> problems = load(provider, seen);
                if (!problems.isEmpty()) {
                    failures.add(failure(provider, problems));
                }
            } catch (RuntimeException e) {
                log.error("Deck {} from {} could not be loaded", provider.id(), name, e);
                failures.add(failure(provider, List.of(DeckProblem.of("deck.problem.read-failed", name))));
            }
        });
        try {
            transaction.executeWithoutResult(status -> decks.replaceFailures(failures));
        } catch (RuntimeException e) {
            log.error("Could not record the decks that failed to load", e);
        }
        failures.forEach(f -> log.warn("Deck {} ({}) failed to load: {}", f.deckId(), f.provider(), f.problemsJson()));
    }

    private List<DeckProblem> load(DeckProvider provider, Set<String> seen) {
        DeckFiles files;
        try {
            files = DeckFiles.fromClasspath(provider.classLoader(), provider.contentLocation(), DeckReader::imagesNamedIn);
        } catch (java.io.IOException e) {
            return List.of(DeckProblem.of("deck.problem.read-failed", provider.contentLocation()));
        }
        DeckReader.Reading reading = reader.read(files);
        List<DeckProblem> problems = new ArrayList<>(reading.problems());
        if (reading.deck() == null) {
            return problems;
        }
        var manifest = reading.deck().manifest();
        if (!provider.id().equals(manifest.id())) {
            problems.add(DeckProblem.of("deck.problem.provider-id", provider.id(), manifest.id()));
        }
        if (!seen.add(manifest.id() + "@" + manifest.version())) {
            problems.add(DeckProblem.of("deck.problem.duplicate-deck", manifest.id(), manifest.version()));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        return transaction.execute(status -> {
            // Nodes starting together register the same decks: the lock makes each deck's check
            // and insert one step across nodes, so that the later node finds the version stored
            // (READ COMMITTED: its next statement sees the first node's commit). ON CONFLICT keeps
            // the insert harmless should anything else store the version without the lock.
            decks.lockDeck(manifest.id());
            Optional<StoredDeck> stored = decks.find(manifest.id(), manifest.version());
            if (stored.isEmpty()) {
                if (decks.insertIfAbsent(reading.deck(), DeckOrigin.CODE)) {
                    events.publishEvent(new DeckVersionInstalled(null, manifest.id(), manifest.version(), DeckOrigin.CODE, true));
                    log.info("Installed deck {} {}", manifest.id(), manifest.version());
                    return List.of();
                }
                stored = decks.find(manifest.id(), manifest.version());
            }
            if (stored.isPresent() && !stored.get().contentHash().equals(reading.deck().contentHash())) {
                return List.of(DeckProblem.of("deck.problem.code-deck-changed", manifest.id(), manifest.version()));
            }
            return List.of();
        });
    }

    private static PlatformDecks.Failure failure(DeckProvider provider, List<DeckProblem> problems) {
        String version = null;
        try {
            var files = DeckFiles.fromClasspath(provider.classLoader(), provider.contentLocation(), b -> List.of());
            version = files.get(DeckFiles.MANIFEST).flatMap(DeckReader::versionNamedIn).orElse(null);
        } catch (java.io.IOException | RuntimeException e) {
            // the version stays unknown; the problems say why
        }
        return new PlatformDecks.Failure(provider.getClass().getName(), provider.id(), version,
                DeckContents.problemsToJson(problems));
    }
}
