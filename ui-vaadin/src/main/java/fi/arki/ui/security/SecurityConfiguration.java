package fi.arki.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fi.arki.ui.views.LoginView;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ArkiAuthenticationProvider authentication) throws Exception {
        http.authenticationProvider(authentication);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
        return http.build();
    }

    /** Right after Spring Security's filter chain, so the user is known when the tenant is bound. */
    @Bean
    FilterRegistrationBean<TenantBindingFilter> tenantBindingFilter() {
        FilterRegistrationBean<TenantBindingFilter> registration = new FilterRegistrationBean<>(new TenantBindingFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
