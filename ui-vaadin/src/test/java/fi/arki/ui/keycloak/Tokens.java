package fi.arki.ui.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens from the real Keycloak (resource owner password grant of the test realm's clients). */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Tokens() {
    }

    public static String accessToken(String client, String secret, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("client_secret", secret);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid organization:*");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.get().tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String arki(String username, String password) {
        return accessToken("arki", KeycloakServer.CLIENT_SECRET, username, password);
    }

    /** The JSON payload of a token, as text. */
    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The token's {@code exp}, in epoch seconds. */
    public static long expiresAt(String token) {
        Matcher m = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload(token));
        if (!m.find()) {
            throw new IllegalStateException("No exp in " + payload(token));
        }
        return Long.parseLong(m.group(1));
    }
}
