package fi.arki.deck;

import fi.arki.testing.ArkiIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The platform with the test decks registered and the test signing key trusted (one shared context). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ArkiIntegrationTest
@Import(DeckTestConfiguration.class)
@TestPropertySource(properties = "arki.decks.trusted-keys.arki-test=MCowBQYDK2VwAyEAdBpheQobOmg2a13QzlmXzlZnUOCEhfQUbIDP9ZwavUo=")
public @interface DeckIntegrationTest {
}
