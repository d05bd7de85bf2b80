package fi.arki.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every absolute address Arki builds (the redirect back after sign-in, Keycloak's redirect and
 * post-logout addresses, the join link and its QR code) comes from the request's scheme, server
 * name and port, which Tomcat takes from the {@code Host} header: whoever sends the request
 * chooses them. This filter, first in the chain, answers those from {@code arki.public-url}
 * instead. Without it (development) the host is {@code localhost} or the loopback address the
 * request was sent to, never another name, and the port is the one the connection came in on.
 * The scheme stays what Tomcat decided (https behind a trusted TLS proxy).
 */
final class PublicAddress extends OncePerRequestFilter {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final @Nullable URI publicUrl;

    PublicAddress(@Nullable URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(publicUrl == null ? local(request) : at(request, publicUrl.getScheme(), publicUrl.getHost(), port(publicUrl)), response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static HttpServletRequest local(HttpServletRequest request) {
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        return at(request, request.getScheme(), LOOPBACK.contains(host) ? host : "localhost", request.getLocalPort());
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static HttpServletRequest at(HttpServletRequest request, String scheme, String host, int port) {
        boolean defaultPort = ("https".equalsIgnoreCase(scheme) && port == 443) || ("http".equalsIgnoreCase(scheme) && port == 80);
        String authority = defaultPort ? host : host + ":" + port;
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getScheme() {
                return scheme;
            }

            @Override
            public String getServerName() {
                return host;
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(scheme).append("://").append(authority).append(getRequestURI());
            }

            @Override
            public @Nullable String getHeader(String name) {
                return "host".equalsIgnoreCase(name) ? authority : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "host".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(authority)) : super.getHeaders(name);
            }
        };
    }
}
