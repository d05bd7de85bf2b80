package fi.arki.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object of string values, written and read without a JSON library: the audit log's
 * {@code detail} is never anything else (its writer makes sure of it).
 */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, k).append(':');
            quote(json, v);
        });
        return json.append('}').toString();
    }

    static Map<String, String> read(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        int[] at = {skip(json, 0)};
        expect(json, at, '{');
        while (true) {
            at[0] = skip(json, at[0]);
            if (json.charAt(at[0]) == '}') {
                return values;
            }
            String key = string(json, at);
            at[0] = skip(json, at[0]);
            expect(json, at, ':');
            at[0] = skip(json, at[0]);
            values.put(key, string(json, at));
            at[0] = skip(json, at[0]);
            if (json.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
    }

    private static StringBuilder quote(StringBuilder json, String s) {
        json.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static String string(String json, int[] at) {
        expect(json, at, '"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = json.charAt(at[0]++);
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = json.charAt(at[0]++);
            switch (e) {
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> {
                    s.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> s.append(e);
            }
        }
    }

    private static void expect(String json, int[] at, char c) {
        if (json.charAt(at[0]) != c) {
            throw new IllegalArgumentException("Expected " + c + " at " + at[0] + " in " + json);
        }
        at[0]++;
    }

    private static int skip(String json, int at) {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
        return at;
    }
}
