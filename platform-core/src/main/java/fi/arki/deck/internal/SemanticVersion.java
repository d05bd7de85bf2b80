package fi.arki.deck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (semver.org 2.0.0) with its precedence; build metadata is ignored when comparing. */
public record SemanticVersion(int major, int minor, int patch, List<String> preRelease)
        implements Comparable<SemanticVersion> {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    public SemanticVersion {
        preRelease = List.copyOf(preRelease);
    }

    public static Optional<SemanticVersion> parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        for (String identifier : pre) {
            if (identifier.length() > 1 && identifier.startsWith("0") && identifier.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
        }
        return Optional.of(new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), pre));
    }

    /** The release this version leads to: a running {@code 0.1.0-SNAPSHOT} platform counts as {@code 0.1.0}. */
    public SemanticVersion release() {
        return new SemanticVersion(major, minor, patch, List.of());
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c != 0) return c;
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = compareIdentifier(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease));
    }

    /** The platform range of a deck: comparators separated by spaces, all of which must hold. */
    public record Range(String text, List<Comparator> comparators) {

        public static Optional<Range> parse(String text) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return Optional.empty();
            }
            List<Comparator> comparators = new ArrayList<>();
            for (String part : trimmed.split(" +")) {
                Matcher m = Pattern.compile("(>=|<=|>|<|=)?(.+)").matcher(part);
                if (!m.matches()) {
                    return Optional.empty();
                }
                Optional<SemanticVersion> version = SemanticVersion.parse(m.group(2));
                if (version.isEmpty()) {
                    return Optional.empty();
                }
                comparators.add(new Comparator(m.group(1) == null ? "=" : m.group(1), version.get()));
            }
            return Optional.of(new Range(trimmed, comparators));
        }

        public boolean includes(SemanticVersion version) {
            return comparators.stream().allMatch(c -> c.test(version));
        }

        /** No version can satisfy it, e.g. {@code >=2.0.0 <1.0.0}. */
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
                        if (comparators.stream().anyMatch(o -> !o.test(c.version()))) {
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

    public record Comparator(String operator, SemanticVersion version) {
        boolean test(SemanticVersion v) {
            int c = v.compareTo(version);
            return switch (operator) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }
}
