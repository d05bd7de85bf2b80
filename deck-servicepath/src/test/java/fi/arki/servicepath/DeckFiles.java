package fi.arki.servicepath;

import static java.util.stream.Collectors.toCollection;

import fi.arki.deck.spi.DeckProvider;
import fi.arki.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A deck's files read the plain way, independent of the platform's own loader: deck.yaml as YAML
 * data, and each messages file decoded strictly as UTF-8 with its duplicate keys noted (a
 * properties file silently keeps the last of two equal keys).
 */
record DeckFiles(Map<String, Object> manifest, Map<Language, Map<String, String>> texts,
                 Map<Language, List<String>> duplicateKeys) {

    static DeckFiles read(DeckProvider provider) {
        String folder = provider.contentLocation();
        ClassLoader loader = provider.classLoader();
        Map<String, Object> manifest = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(utf8(bytes(loader, folder + "/deck.yaml")));
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        Map<Language, List<String>> duplicates = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> seenTwice = new ArrayList<>();
            Properties properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (containsKey(key)) {
                        seenTwice.add(key.toString());
                    }
                    return super.put(key, value);
                }
            };
            try {
                properties.load(new StringReader(utf8(bytes(loader, folder + "/messages_" + language.tag() + ".properties"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> byKey = new TreeMap<>();
            properties.forEach((key, value) -> byKey.put(key.toString(), value.toString()));
            texts.put(language, byKey);
            duplicates.put(language, seenTwice);
        }
        return new DeckFiles(manifest, texts, duplicates);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cards() {
        return (List<Map<String, Object>>) manifest.get("cards");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> settings() {
        return (List<Map<String, Object>>) manifest.getOrDefault("settings", List.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> activities(Map<String, Object> card) {
        return (List<Map<String, Object>>) card.get("activities");
    }

    Map<String, Object> card(String id) {
        return cards().stream().filter(c -> id.equals(c.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no card " + id));
    }

    static Map<String, Object> activity(Map<String, Object> card, String id) {
        return activities(card).stream().filter(a -> id.equals(a.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no activity " + id + " on card " + card.get("id")));
    }

    List<String> cardIds() {
        return cards().stream().map(c -> (String) c.get("id")).toList();
    }

    /** Every key the manifest implies: deck, settings, card titles, each activity's text, each intro's source. */
    Set<String> requiredKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("deck.title", "deck.description"));
        for (Map<String, Object> setting : settings()) {
            keys.add("setting." + setting.get("key"));
            keys.add("setting." + setting.get("key") + ".help");
        }
        for (Map<String, Object> card : cards()) {
            String prefix = "card." + card.get("id");
            keys.add(prefix + ".title");
            for (Map<String, Object> activity : activities(card)) {
                keys.add(prefix + "." + activity.get("id"));
                if ("intro".equals(activity.get("kind"))) {
                    keys.add(prefix + "." + activity.get("id") + ".source");
                }
            }
        }
        return keys;
    }

    /** The required keys plus the optional help text of each card's activities. */
    Set<String> allowedKeys() {
        Set<String> keys = new LinkedHashSet<>(requiredKeys());
        for (Map<String, Object> card : cards()) {
            activities(card).forEach(a -> keys.add("card." + card.get("id") + "." + a.get("id") + ".help"));
        }
        return keys;
    }

    Set<String> introKeys() {
        return cards().stream()
                .flatMap(card -> activities(card).stream()
                        .filter(a -> "intro".equals(a.get("kind")))
                        .map(a -> "card." + card.get("id") + "." + a.get("id")))
                .collect(toCollection(LinkedHashSet::new));
    }

    private static byte[] bytes(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict UTF-8: a Latin-1 "ä" fails here instead of turning into a replacement character. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8", e);
        }
    }
}
