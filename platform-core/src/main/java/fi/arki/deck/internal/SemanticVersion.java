package fi.arki.deck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * A semantic version (semver.org 2.0.0) as a deck or the platform writes it. Parsing and precedence
 * are semver4j's (pre-release before release, numeric identifiers by value, build metadata
 * ignored); this adds only what a deck's manifest asks for: the text is taken exactly as written
 * (semver4j forgives a leading {@code v} or spaces; a stored version must not).
 */
public record SemanticVersion(Semver semver) implements Comparable<SemanticVersion> {

    public static Optional<SemanticVersion> parse(String text) {
        Semver parsed;
        try {
            parsed = Semver.parse(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return parsed != null && parsed.getVersion().equals(text) ? Optional.of(new SemanticVersion(parsed)) : Optional.empty();
    }

    /** The release this version leads to: a running {@code 0.1.0-SNAPSHOT} platform counts as {@code 0.1.0}. */
    public SemanticVersion release() {
        return new SemanticVersion(semver.withClearedPreReleaseAndBuild());
    }

    @Override
    public int compareTo(SemanticVersion o) {
        return semver.compareTo(o.semver);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return semver.withClearedBuild().getVersion();
    }

    /**
     * The platform range of a deck: comparators ({@code >=}, {@code >}, {@code <=}, {@code <},
     * {@code =} or none) separated by spaces, all of which must hold. semver4j decides whether a
     * version is in it; the grammar is kept this narrow (no {@code ^}, {@code ~}, {@code x} or
     * {@code ||}) so that a range says plainly what it allows. Pre-release platforms are compared
     * like any version.
     */
    public record Range(String text, List<Comparator> comparators, RangeList ranges) {

        private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?(.+)");

        public static Optional<Range> parse(String text) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return Optional.empty();
            }
            List<Comparator> comparators = new ArrayList<>();
            for (String part : trimmed.split(" +")) {
                Matcher m = COMPARATOR.matcher(part);
                if (!m.matches()) {
                    return Optional.empty();
                }
                Optional<SemanticVersion> version = SemanticVersion.parse(m.group(2));
                if (version.isEmpty()) {
                    return Optional.empty();
                }
                comparators.add(new Comparator(m.group(1) == null ? "=" : m.group(1), version.get()));
            }
            return Optional.of(new Range(trimmed, List.copyOf(comparators), RangeListFactory.create(trimmed, true)));
        }

        public boolean includes(SemanticVersion version) {
            return ranges.isSatisfiedBy(version.semver());
        }

        /**
         * No version can satisfy it, e.g. {@code >=2.0.0 <1.0.0}. (semver4j has no such question:
         * its {@code isSatisfiedByAny} asks whether a range is {@code *}.) With an exact version
         * that version is the only candidate; otherwise the tightest bounds must leave room.
         */
        public boolean empty() {
            SemanticVersion lowest = null;
            boolean lowestInclusive = true;
            SemanticVersion highest = null;
            boolean highestInclusive = true;
            for (Comparator c : comparators) {
                switch (c.operator()) {
                    case ">=", ">" -> {
                        if (lowest == null || c.version().compareTo(lowest) > 0) {
                            lowest = c.version();
                            lowestInclusive = c.operator().equals(">=");
                        }
                    }
                    case "<=", "<" -> {
                        if (highest == null || c.version().compareTo(highest) < 0) {
                            highest = c.version();
                            highestInclusive = c.operator().equals("<=");
                        }
                    }
                    default -> {
                        if (!includes(c.version())) {
                            return true;
                        }
                    }
                }
            }
            if (lowest == null || highest == null) {
                return false;
            }
            int c = lowest.compareTo(highest);
            return c > 0 || (c == 0 && !(lowestInclusive && highestInclusive));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One comparator of a range, as written. */
    public record Comparator(String operator, SemanticVersion version) {
    }
}
