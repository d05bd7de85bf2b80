package fi.arki.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.util.UrlUtils;

/**
 * What the application sees of a request's own address, whatever {@code Host} it came with: the
 * configured public address, or in development localhost on the port the connection came in on.
 * The join link and QR code (FacilitatorView.joinLink), Spring Security's saved request and
 * Keycloak's {baseUrl} are all built from these.
 */
class PublicAddressTests {

    @Test
    void with_a_public_url_the_request_is_at_that_address() throws Exception {
        HttpServletRequest seen = through(new PublicAddress(URI.create("https://arki.example.fi")), spoofed());
        assertThat(UrlUtils.buildFullRequestUrl(seen)).isEqualTo("https://arki.example.fi/sessions/x");
        assertThat(seen.getRequestURL()).hasToString("https://arki.example.fi/sessions/x");
        assertThat(seen.getHeader("Host")).isEqualTo("arki.example.fi");
    }

    @Test
    void a_public_url_with_a_port_keeps_it() throws Exception {
        HttpServletRequest seen = through(new PublicAddress(URI.create("http://arki.internal:8443")), spoofed());
        assertThat(UrlUtils.buildFullRequestUrl(seen)).isEqualTo("http://arki.internal:8443/sessions/x");
    }

    @Test
    void without_one_a_spoofed_host_becomes_localhost_on_the_local_port() throws Exception {
        HttpServletRequest seen = through(new PublicAddress(null), spoofed());
        assertThat(UrlUtils.buildFullRequestUrl(seen)).isEqualTo("http://localhost:18080/sessions/x");
        assertThat(seen.getHeader("Host")).isEqualTo("localhost:18080");
    }

    @Test
    void without_one_a_loopback_address_is_kept() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sessions/x");
        request.setServerName("127.0.0.1");
        request.addHeader("Host", "127.0.0.1:18080");
        request.setLocalPort(18080);
        assertThat(UrlUtils.buildFullRequestUrl(through(new PublicAddress(null), request))).isEqualTo("http://127.0.0.1:18080/sessions/x");
    }

    private static MockHttpServletRequest spoofed() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sessions/x");
        request.setServerName("evil.example");
        request.setServerPort(80);
        request.addHeader("Host", "evil.example");
        request.setLocalPort(18080);
        return request;
    }

    private static HttpServletRequest through(PublicAddress filter, MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
