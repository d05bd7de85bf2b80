package fi.arki.ui.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.security.SecureRandom;
import java.util.Base64;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Vaadin's bootstrap page (index.html, for every route) has a few inline scripts. Each response
 * gives them a fresh random nonce and sends the content security policy that allows exactly that
 * nonce, in place of {@code 'unsafe-inline'}: a script someone managed to inject into the page has
 * no nonce and does not run. Runs after Vaadin has added all its scripts to the page.
 */
@Component
class ScriptNonces implements VaadinServiceInitListener {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            String nonce = next();
            for (Element script : response.getDocument().select("script:not([src])")) {
                script.attr("nonce", nonce);
            }
            response.getVaadinResponse().setHeader("Content-Security-Policy", SecurityHeaders.withNonce(nonce));
        });
    }

    static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
