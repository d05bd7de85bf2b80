package fi.arki.ui.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One browser, as far as signing in goes: its own cookies, the sign-in page's CSRF token, no
 * redirects followed (the tests read the {@code Location}s).
 */
final class LoginClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final int port;
    private final HttpClient http;
    private @Nullable String token;
    private String parameter = "_csrf";

    LoginClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Opens the sign-in page, as a browser does before it posts the form. */
    LoginClient open() throws Exception {
        HttpResponse<String> page = get("/login");
        token = meta(page.body(), "_csrf");
        String name = meta(page.body(), "_csrf_parameter");
        if (name != null) {
            parameter = name;
        }
        return this;
    }

    /** Posts the sign-in form as Vaadin's login form does: user name, password and the page's token. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (token != null) {
            form.put(parameter, token);
        }
        return post("/login", form, Map.of());
    }

    /** Whether this client's session reaches the application (a sign-in page would redirect). */
    boolean signedIn() throws Exception {
        return get("/").statusCode() == 200;
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The content of {@code <meta name="…" content="…">} in a page, as Vaadin's login form reads it. */
    static @Nullable String meta(String html, String name) {
        Matcher tag = Pattern.compile("<meta\\b[^>]*>").matcher(html);
        while (tag.find()) {
            String t = tag.group();
            if (Pattern.compile("name=\"" + Pattern.quote(name) + "\"").matcher(t).find()) {
                Matcher content = Pattern.compile("content=\"([^\"]*)\"").matcher(t);
                return content.find() ? content.group(1) : null;
            }
        }
        return null;
    }
}
