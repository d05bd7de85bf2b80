package fi.arki.ui.security;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link PublicAddress} ahead of every other filter (Spring Security's included). */
@Configuration(proxyBeanMethods = false)
class PublicAddressConfiguration {

    @Bean
    FilterRegistrationBean<PublicAddress> publicAddress(@Value("${arki.public-url:}") String publicUrl) {
        FilterRegistrationBean<PublicAddress> registration = new FilterRegistrationBean<>(new PublicAddress(parse(publicUrl)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC);
        return registration;
    }

    private static @Nullable URI parse(String url) {
        if (url.isBlank()) {
            return null;
        }
        URI uri = URI.create(url.strip());
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("arki.public-url must be an absolute http(s) address such as https://arki.example.fi, not " + url);
        }
        return uri;
    }
}
