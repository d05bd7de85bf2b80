package fi.arki.ui.participant;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the participant page's script and stylesheet, cached for a year: their URLs change with their content ({@link AssetUrls}). */
@Configuration
class ParticipantAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // a pattern, not exact paths: with an exact path the resource path within it is empty and every request was 404
        registry.addResourceHandler("/p/*.css", "/p/*.js")
                .addResourceLocations("classpath:/" + AssetUrls.LOCATION)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
