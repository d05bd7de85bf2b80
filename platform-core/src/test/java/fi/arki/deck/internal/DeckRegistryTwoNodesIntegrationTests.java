package fi.arki.deck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.arki.deck.DeckIntegrationTest;
import fi.arki.deck.DeckVersionInstalled;
import fi.arki.deck.spi.DeckProvider;
import fi.arki.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13 item 2: two nodes of the platform start together on one database, both with the same
 * new code deck. Each version is registered once and neither node records a failure.
 *
 * <p>How the overlap is made certain rather than hoped for: whichever node stores the version
 * first holds its transaction open (a listener of {@link DeckVersionInstalled}, which is published
 * inside it) until PostgreSQL reports the other node's backend waiting on that transaction. Only
 * then does it commit. Without coordination the other node has by then seen no row and is
 * blocked in its own insert, which fails with a duplicate key once the first commits; with the
 * advisory lock it is blocked before it looks, and then finds the version stored.
 */
@DeckIntegrationTest
class DeckRegistryTwoNodesIntegrationTests {

    private static final Duration STARTUP = Duration.ofMinutes(5);

    @Autowired DeckRegistry registry;
    @Autowired PlatformDecks decks;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void two_nodes_starting_together_register_a_deck_version_once_and_record_no_failure() throws Exception {
        Path folder = Files.createTempDirectory("two-nodes-deck");
        String deckId = "two-nodes-" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
            writeDeck(folder.resolve("deck"), deckId);
            Node.deck = new FolderDeck(deckId, loader);
            Node.installs.set(0);
            Node.overlapSeen.set(0);

            CyclicBarrier together = new CyclicBarrier(2);
            Future<ConfigurableApplicationContext> first = starters.submit(() -> {
                together.await();
                return Node.start();
            });
            Future<ConfigurableApplicationContext> second = starters.submit(() -> {
                together.await();
                return Node.start();
            });
            // both must start: a node whose deck failed still starts, so the table says the rest
            started.add(first.get(STARTUP.toSeconds(), TimeUnit.SECONDS));
            started.add(second.get(STARTUP.toSeconds(), TimeUnit.SECONDS));

            assertThat(Node.overlapSeen.get()).as("the second node was seen waiting on the first one's registration").isEqualTo(1);
            assertThat(Node.installs.get()).as("installations of the version across both nodes").isEqualTo(1);
            TransactionTemplate tx = new TransactionTemplate(transactions);
            java.util.Optional<StoredDeck> stored = tx.execute(s -> decks.find(deckId, "1.0.0"));
            assertThat(stored).isPresent();
            List<PlatformDecks.Failure> failures = tx.execute(s -> decks.failures());
            assertThat(failures).as("failures recorded by the two nodes").isEmpty();
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            starters.shutdownNow();
            Node.deck = null;
            deleteRecursively(folder);
            // the nodes replaced the failure list with theirs: give the shared context's back
            registry.run(null);
        }
    }

    /** The kitchen-sink test deck under a fresh id, in a folder of its own. */
    private static void writeDeck(Path deck, String deckId) throws IOException {
        Files.createDirectories(deck);
        for (String name : List.of("deck.yaml", "messages_fi.properties", "messages_sv.properties", "messages_en.properties")) {
            try (InputStream in = DeckRegistryTwoNodesIntegrationTests.class.getClassLoader()
                    .getResourceAsStream("decks/kitchen-sink/" + name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (name.equals("deck.yaml")) {
                    text = text.replace("id: kitchen-sink", "id: " + deckId);
                }
                Files.writeString(deck.resolve(name), text);
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    record FolderDeck(String id, ClassLoader classLoader) implements DeckProvider {
        @Override
        public String contentLocation() {
            return "deck";
        }
    }

    /**
     * Holds the registering transaction open until another backend waits on it. Runs inside the
     * transaction that stored the version, so its connection is that transaction's.
     */
    static class HoldUntilTheOtherNodeWaits {

        private final JdbcTemplate jdbc;

        HoldUntilTheOtherNodeWaits(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void installed(DeckVersionInstalled event) {
            DeckProvider deck = Node.deck;
            if (deck == null || !event.deckId().equals(deck.id())) {
                return;
            }
            Node.installs.incrementAndGet();
            Integer pid = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
            JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser());
            await("another node waiting on this registration").atMost(STARTUP).pollInterval(Duration.ofMillis(50))
                    .until(() -> superuser.queryForObject(
                            "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))", Integer.class, pid) > 0);
            Node.overlapSeen.incrementAndGet();
        }
    }

    /** One node of the platform, with the one code deck under test (see TenantInAsyncPathsIntegrationTests.Node). */
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "fi.arki", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = {TestConfiguration.class, SpringBootApplication.class}),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests(\\$.*)?")})
    static class Node {

        static volatile @Nullable DeckProvider deck;
        static final AtomicInteger installs = new AtomicInteger();
        static final AtomicInteger overlapSeen = new AtomicInteger();

        @Bean
        DeckProvider deckUnderTest() {
            return deck;
        }

        @Bean
        HoldUntilTheOtherNodeWaits holdUntilTheOtherNodeWaits(JdbcTemplate jdbc) {
            return new HoldUntilTheOtherNodeWaits(jdbc);
        }

        static ConfigurableApplicationContext start() {
            return new SpringApplicationBuilder(Node.class).profiles("test").web(WebApplicationType.NONE).run();
        }
    }
}
