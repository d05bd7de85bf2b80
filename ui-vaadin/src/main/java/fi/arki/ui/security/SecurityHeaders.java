package fi.arki.ui.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every response carries (T-13). The content security policy is the narrowest Vaadin
 * 25's prebuilt client runs under. Scripts come from our own origin; the few inline scripts of
 * Vaadin's bootstrap page run only with that response's nonce ({@link ScriptNonces}), so there is
 * no {@code 'unsafe-inline'} for scripts. {@code 'unsafe-eval'} stays: Flow's client runs the
 * JavaScript the server sends (its bindings, {@code executeJs}) through {@code new Function},
 * also in the production build; without it not even the sign-in form renders (tried in real
 * Chromium on the {@code -Pproduction} jar, docs/operations.md). Components set inline styles,
 * so styles keep {@code 'unsafe-inline'}. No framing, no plugins, no base-URI tricks, forms post
 * only to us.
 */
final class SecurityHeaders {

    private static final String SCRIPT_SRC = "script-src 'self' 'unsafe-eval'";

    /** The policy of every response; Vaadin's bootstrap page gets {@link #withNonce(String)} instead. */
    static final String CONTENT_SECURITY_POLICY = policy(SCRIPT_SRC);

    /** The policy of a page whose inline scripts carry this nonce. */
    static String withNonce(String nonce) {
        return policy(SCRIPT_SRC + " 'nonce-" + nonce + "'");
    }

    private static String policy(String scriptSrc) {
        return String.join("; ",
                "default-src 'self'",
                scriptSrc,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    private SecurityHeaders() {
    }

    static void apply(HttpSecurity http) throws Exception {
        http.headers(h -> h
                // Vaadin's pages reach the browser through a servlet forward, which commits the
                // response past the filter's wrapper: write the headers before the request runs
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
    }
}
