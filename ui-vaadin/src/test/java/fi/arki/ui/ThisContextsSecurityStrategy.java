package fi.arki.ui;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Test classes share one JVM and several cached Spring contexts. Vaadin's security configuration
 * makes its own {@code VaadinAwareSecurityContextHolderStrategy} (a ThreadLocal per instance) the
 * JVM-wide strategy whenever a context starts. A context started later therefore leaves an earlier
 * one with a filter chain that stores the signed-in user in its own instance while
 * {@code CurrentUser} reads the newer one: a plain Spring MVC request (the participant pages) looks
 * signed out. Vaadin requests hide this, as they also find the user in the Vaadin session. Before
 * every test this listener puts back the strategy of the context the test runs in, as a production
 * JVM, which has one context, always has it.
 */
public final class ThisContextsSecurityStrategy implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
