package fi.arki.session.internal;

import fi.arki.shared.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Proposes groups of similar answers, entirely on our own server (no text leaves it): each answer
 * is analyzed with Lucene's analyzer for its language (Finnish, Swedish or English: lower case,
 * stop words out, words stemmed, so "asiakkailta" and "asiakkaat" are one term), weighted by how
 * rare each term is among the answers (a word every answer has, like "customers" in a customer
 * workshop, links nothing), compared by cosine similarity, and linked into a group where the
 * similarity reaches {@link #THRESHOLD}.
 *
 * <p>An answer's language is the one whose stop words it uses most; an answer with none (a few
 * nouns) is read in the session's default language.
 */
public final class GroupingSuggestions {

    /** Cosine similarity from which two answers are proposed together (tried on real fi/sv answers, see the tests). */
    public static final double THRESHOLD = 0.2;

    public record Text(UUID id, String text) {
    }

    /** A proposed group: its answers in the order given, and a label (the shortest of them). */
    public record Suggestion(String label, List<UUID> answers) {
        public Suggestion {
            answers = List.copyOf(answers);
        }
    }

    private static final Map<Language, CharArraySet> STOP_WORDS = Map.of(
            Language.FI, FinnishAnalyzer.getDefaultStopSet(),
            Language.SV, SwedishAnalyzer.getDefaultStopSet(),
            Language.EN, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    private GroupingSuggestions() {
    }

    public static List<Suggestion> suggest(List<Text> answers, Language defaultLanguage) {
        List<Map<String, Integer>> terms = answers.stream().map(a -> terms(a.text(), languageOf(a.text(), defaultLanguage))).toList();
        Map<String, Long> documents = terms.stream().flatMap(t -> t.keySet().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        int n = answers.size();
        List<Map<String, Double>> vectors = terms.stream().map(t -> {
            Map<String, Double> v = new HashMap<>();
            t.forEach((term, count) -> v.put(term, count * Math.log(1 + (double) n / documents.get(term))));
            return v;
        }).toList();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (cosine(vectors.get(i), vectors.get(j)) >= THRESHOLD) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        return groups.values().stream().filter(g -> g.size() > 1)
                .map(g -> new Suggestion(g.stream().map(i -> answers.get(i).text().strip())
                        .min(Comparator.comparingInt(String::length)).map(GroupingSuggestions::label).orElseThrow(),
                        g.stream().map(i -> answers.get(i).id()).toList()))
                .toList();
    }

    /** The stemmed terms of a text (with counts), as the analyzer for {@code language} reads it. */
    static Map<String, Integer> terms(String text, Language language) {
        Map<String, Integer> terms = new HashMap<>();
        try (Analyzer analyzer = analyzer(language); TokenStream stream = analyzer.tokenStream("answer", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The language whose stop words the text uses most; the default where none does (or a tie). */
    static Language languageOf(String text, Language defaultLanguage) {
        Map<Language, Integer> hits = new HashMap<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new java.io.StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = term.toString().toLowerCase(java.util.Locale.ROOT);
                STOP_WORDS.forEach((language, stop) -> {
                    if (stop.contains(word)) {
                        hits.merge(language, 1, Integer::sum);
                    }
                });
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int best = hits.values().stream().max(Integer::compare).orElse(0);
        Set<Language> leaders = hits.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return best == 0 || leaders.contains(defaultLanguage) || leaders.size() > 1 ? defaultLanguage : leaders.iterator().next();
    }

    private static Analyzer analyzer(Language language) {
        return switch (language) {
            case FI -> new FinnishAnalyzer();
            case SV -> new SwedishAnalyzer();
            case EN -> new EnglishAnalyzer();
        };
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (var e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double norms = Math.sqrt(a.values().stream().mapToDouble(v -> v * v).sum())
                * Math.sqrt(b.values().stream().mapToDouble(v -> v * v).sum());
        return norms == 0 ? 0 : dot / norms;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static String label(String text) {
        String line = text.lines().findFirst().orElse(text);
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }
}
