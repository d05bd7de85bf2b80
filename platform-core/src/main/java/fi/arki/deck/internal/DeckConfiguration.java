package fi.arki.deck.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeckProperties.class)
class DeckConfiguration {

    /** The running platform's version: the build's, unless {@code arki.platform.version} says otherwise (tests). */
    @Bean
    DeckContents deckContents(Environment environment) {
        String configured = environment.getProperty("arki.platform.version");
        SemanticVersion version = configured == null ? DeckReader.runningPlatformVersion()
                : SemanticVersion.parse(configured).orElseThrow(() -> new IllegalStateException("arki.platform.version " + configured));
        return new DeckContents(version);
    }

    @Bean
    DeckReader deckReader(DeckContents contents) {
        return new DeckReader(contents.platformVersion());
    }

    @Bean
    PackageSignature packageSignature(DeckProperties properties) {
        return new PackageSignature(properties.trustedKeys());
    }
}
