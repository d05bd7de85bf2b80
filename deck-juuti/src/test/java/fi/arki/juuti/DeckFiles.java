package fi.arki.juuti;

import fi.arki.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deck's files as the tests read them, straight from the classpath location the provider
 * names: the manifest as plain YAML data and the texts per language. Deliberately independent of
 * the platform's parser, so these tests say what this deck promises, not what the parser accepts.
 */
final class DeckFiles {

    private DeckFiles() {
    }

    static String location() {
        return new JuutiDeck().contentLocation();
    }

    static InputStream open(String fileName) {
        String path = location() + "/" + fileName;
        return Objects.requireNonNull(JuutiDeck.class.getClassLoader().getResourceAsStream(path), path + " is not on the classpath");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest() {
        try (InputStream in = open("deck.yaml")) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of one language, sorted by key; malformed UTF-8 fails instead of turning into '?'. */
    static Map<String, String> messages(Language language) {
        CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(open("messages_" + language.tag() + ".properties"), strictUtf8)) {
            Properties properties = new Properties();
            properties.load(reader);
            Map<String, String> texts = new TreeMap<>();
            properties.forEach((key, value) -> texts.put((String) key, (String) value));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cards() {
        return (List<Map<String, Object>>) manifest().get("cards");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> activities(Map<String, Object> card) {
        return (List<Map<String, Object>>) card.get("activities");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> settings() {
        return (List<Map<String, Object>>) manifest().get("settings");
    }

    /**
     * Every text key the manifest calls for, each with whether it must be there: title and
     * description, each card's title, each activity's text, each intro's source, each setting's
     * label and help are required; an activity's help is optional.
     */
    static Map<String, Boolean> keysOfTheManifest() {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        keys.put("deck.title", true);
        keys.put("deck.description", true);
        for (Map<String, Object> setting : settings()) {
            keys.put("setting." + setting.get("key"), true);
            keys.put("setting." + setting.get("key") + ".help", true);
        }
        for (Map<String, Object> card : cards()) {
            String prefix = "card." + card.get("id");
            keys.put(prefix + ".title", true);
            for (Map<String, Object> activity : activities(card)) {
                String key = prefix + "." + activity.get("id");
                keys.put(key, true);
                keys.put(key + ".help", false);
                if ("intro".equals(activity.get("kind"))) {
                    keys.put(key + ".source", true);
                }
            }
        }
        return keys;
    }

    static List<String> requiredKeys() {
        List<String> required = new ArrayList<>();
        keysOfTheManifest().forEach((key, mandatory) -> {
            if (mandatory) {
                required.add(key);
            }
        });
        return required;
    }
}
