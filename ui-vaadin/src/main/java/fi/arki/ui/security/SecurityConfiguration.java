package fi.arki.ui.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fi.arki.identity.AccountManagement;
import fi.arki.ui.views.LoginView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.http.HttpStatus;

/**
 * Three filter chains. The management port's health and metrics endpoints are open and
 * stateless. {@code /api/**} takes bearer tokens only (stateless; Keycloak-issued, from an issuer
 * on the allowlist, for Arki's audience). Everything else is the Vaadin UI, signed in either with
 * a local account ({@code arki.login.mode=local}, the default) or with Keycloak
 * ({@code arki.login.mode=keycloak}). The API and UI chains send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({KeycloakProperties.class, SessionProperties.class})
class SecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";
    static final String MODE = "arki.login.mode";

    /**
     * The management port (health and Prometheus metrics only, see application.yaml): open to
     * whoever reaches it, which in production is the kubelet and the metrics scraper inside the
     * cluster, never the public (docs/operations.md). No session, no sign-in page; any other path
     * on that port is answered 404. The public port has no actuator paths at all.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(SecurityConfiguration::onManagementServer)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND))
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_NOT_FOUND)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** A request to the management server (Spring Boot's child context on management.server.port). */
    private static boolean onManagementServer(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, KeycloakProperties keycloak, AccountManagement accounts,
                                       ObjectProvider<ClientRegistrationRepository> keycloakMode) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        SecurityHeaders.apply(http);
        if (keycloakMode.getIfAvailable() == null || keycloak.apiIssuers().isEmpty()) {
            http.authorizeHttpRequests(a -> a.anyRequest().denyAll());
            return http.build();
        }
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(trustedIssuers(keycloak, accounts)));
        return http.build();
    }

    /**
     * One authentication manager per trusted issuer, built on first use from the issuer's discovery
     * document. A token from any other issuer (or with no verifiable issuer) resolves to nothing
     * and is refused with 401, as are unsigned ({@code alg: none}), expired and wrongly addressed ones.
     */
    private static JwtIssuerAuthenticationManagerResolver trustedIssuers(KeycloakProperties keycloak, AccountManagement accounts) {
        Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
        AuthenticationManagerResolver<String> byIssuer = issuer -> keycloak.apiIssuers().contains(issuer)
                ? managers.computeIfAbsent(issuer, i -> manager(i, keycloak, accounts))
                : null;
        return new JwtIssuerAuthenticationManagerResolver(byIssuer);
    }

    private static AuthenticationManager manager(String issuer, KeycloakProperties keycloak, AccountManagement accounts) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtIssuerValidator(issuer),
                token -> token.getAudience() != null && token.getAudience().contains(keycloak.apiAudience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Not for audience " + keycloak.apiAudience(), null))));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter((Jwt jwt) -> {
            var signOn = AsSystem.call(() -> accounts.resolveSingleSignOn(KeycloakClaims.identity(jwt.getClaims(), keycloak)));
            return new ApiAuthentication(fi.arki.identity.ActingUser.withoutTenant(signOn.account()), signOn.tenants(), jwt);
        });
        return new ProviderManager(provider);
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, ArkiAuthenticationProvider localAccounts, AccountManagement accounts,
                                      KeycloakProperties keycloak, ObjectProvider<ClientRegistrationRepository> keycloakMode,
                                      SignOutAudit signOutAudit, RequestUtil vaadinRequests)
            throws Exception {
        SecurityHeaders.apply(http);
        // the style sheet of every page, the sign-in page included; and the error page, for whoever
        // a request failed for (Spring forwards there: an ERROR dispatch, never a request of its own)
        http.authorizeHttpRequests(a -> a.requestMatchers("/arki.css").permitAll()
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                response.sendError(HttpServletResponse.SC_FORBIDDEN)));
        if (keycloakMode.getIfAvailable() != null) {
            // the login page is Keycloak's: no page of Spring's own at /login, where sign-out lands on Arki's
            http.oauth2Login(o -> o.loginPage("/oauth2/authorization/" + REGISTRATION_ID)
                    .userInfoEndpoint(u -> u.oidcUserService(new KeycloakSignIn(accounts, keycloak))));
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                    .oauth2LoginPage("/oauth2/authorization/" + REGISTRATION_ID, "{baseUrl}/login?logout")
                    .anyRequest(SecurityConfiguration::signedIn)
                    .addLogoutHandler(signOutAudit));
        } else {
            http.authenticationProvider(localAccounts);
            // Vaadin exempts its login path from CSRF protection, which leaves the form's POST open
            // to any site (a cross-origin post signed the browser in). The sign-in page carries the
            // token in its <meta name="_csrf"> tags and Vaadin's login form posts it, so only
            // Vaadin's own requests (UIDL, heartbeats: protected by Vaadin's own token) are exempt.
            http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout")
                    .enableCsrfConfiguration(false)
                    .anyRequest(SecurityConfiguration::signedIn)
                    .addLogoutHandler(signOutAudit));
        }
        return http.build();
    }

    /**
     * A path that is no route or resource of Vaadin's reaches Vaadin for a signed-in user, whose
     * router answers with the not-found page (404) instead of an empty 403; views keep their own
     * access rules (Vaadin's navigation access control), so this opens no view to anyone.
     */
    private static void signedIn(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl anyRequest) {
        anyRequest.authenticated();
    }

    /** Keycloak's client registration, read from the realm's discovery document at start-up. */
    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "keycloak")
    ClientRegistrationRepository keycloakRegistration(KeycloakProperties keycloak) {
        if (keycloak.issuerUri() == null || keycloak.clientSecret() == null) {
            throw new IllegalStateException("arki.login.mode=keycloak needs arki.keycloak.issuer-uri and arki.keycloak.client-secret");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(keycloak.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .scope("openid", "profile", "email", "organization:*")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
