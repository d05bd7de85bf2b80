package fi.arki.ui.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every response carries (T-13). The content security policy is the narrowest Vaadin
 * 25's prebuilt client runs under: its bootstrap page has inline scripts and its client evaluates
 * the JavaScript the server sends (without {@code 'unsafe-eval'} Chromium refuses it and not even
 * the sign-in form renders: tried in development mode and again in the {@code -Pproduction} jar,
 * where Flow's client still runs server-sent JavaScript through {@code new Function}), and
 * components set inline styles; everything else is our own origin. No framing, no plugins, no
 * base-URI tricks, forms post only to us. {@code ProductionJarEndToEndTests} checks the production
 * jar runs under this policy without a violation.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

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
