package fi.arki.ui.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The participant pages (fi.arki.ui.participant: /join, /p/…): open to anyone, because a
 * participant's right to a session is their pass, checked by the pages themselves. Unlike the
 * Vaadin pages they run no inline or evaluated script at all, so their policy has neither
 * {@code 'unsafe-inline'} nor {@code 'unsafe-eval'}, for scripts or styles. Every form post
 * carries Spring Security's CSRF token (kept in the HTTP session, as on the rest of the site).
 */
@Configuration
class ParticipantSecurity {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'");

    @Bean
    @Order(1)
    SecurityFilterChain participantFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/join", "/join/**", "/p/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                // a join link opened by a signed-out member saves its own request (JoinController); no other
                .requestCache(c -> c.disable());
        return http.build();
    }
}
