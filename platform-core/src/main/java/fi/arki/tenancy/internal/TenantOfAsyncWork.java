package fi.arki.tenancy.internal;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds the tenant of work that runs on no request (T-08), before that work's transaction begins:
 *
 * <ul>
 *   <li>an <b>event listener</b> ({@code @EventListener}, {@code @TransactionalEventListener},
 *       Modulith's {@code @ApplicationModuleListener}, also when the event publication registry
 *       resubmits an event after a restart) runs under the tenant its event carries in
 *       {@code tenantId()}, or explicitly under none when that is null (an event of the platform,
 *       not of a tenant) — never under whatever the thread happened to have bound;</li>
 *   <li>a <b>scheduled job</b> runs under no tenant: it finds its work across tenants and binds
 *       each item's tenant itself.</li>
 * </ul>
 *
 * Ordered outside the transaction interceptor, so that an {@code @ApplicationModuleListener}'s own
 * {@code REQUIRES_NEW} transaction begins with the event's tenant bound and row level security
 * applies to it. (Binding inside the method body would come too late for that transaction.) A
 * plain listener runs inside the publisher's transaction; where its event is about another tenant
 * than that transaction is bound to, the transaction is rebound to the event's tenant while the
 * listener runs and bound back afterwards.
 */
@Configuration(proxyBeanMethods = false)
public class TenantOfAsyncWork {

    /** Outside the transaction interceptor and the access rules; inside {@code @Async}'s thread hop. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    private static final Map<Class<?>, Optional<Method>> ACCESSORS = new ConcurrentHashMap<>();

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor arkiTenantOfEventListeners(ObjectProvider<TransactionRebinding> rebinding) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return ours(targetClass) && isListenerOfTenantEvents(method);
            }
        }, (MethodInterceptor) invocation -> {
            TenantId tenant = tenantOf(invocation.getArguments()[0]).orElse(null);
            if (!runsInThePublishersTransaction(invocation.getMethod())) {
                return TenantContext.callAsOrWithout(tenant, invocation::proceed);
            }
            // a plain listener joins the publisher's transaction: bind that to the event's tenant while it runs
            TransactionRebinding transaction = rebinding.getObject();
            Optional<TenantId> publishers = transaction.bound();
            if (publishers.equals(Optional.ofNullable(tenant))) {
                return TenantContext.callAsOrWithout(tenant, invocation::proceed);
            }
            transaction.rebind(tenant);
            try {
                return TenantContext.callAsOrWithout(tenant, invocation::proceed);
            } finally {
                transaction.rebind(publishers.orElse(null));
            }
        });
        advisor.setOrder(ORDER);
        return advisor;
    }

    /**
     * Whether the listener runs inside the transaction that published its event: a plain
     * {@code @EventListener} called while a transaction is open, or a transactional one before
     * commit. Listeners after completion (Modulith's among them) open transactions of their own.
     */
    private static boolean runsInThePublishersTransaction(Method method) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        TransactionalEventListener transactional = AnnotatedElementUtils.findMergedAnnotation(method, TransactionalEventListener.class);
        return transactional == null || transactional.phase() == TransactionPhase.BEFORE_COMMIT;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor arkiNoTenantForScheduledJobs() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return ours(targetClass) && AnnotatedElementUtils.hasAnnotation(method, Scheduled.class);
            }
        }, (MethodInterceptor) invocation -> TenantContext.callWithoutTenant(invocation::proceed));
        advisor.setOrder(ORDER);
        return advisor;
    }

    private static boolean ours(Class<?> type) {
        return type.getName().startsWith("fi.arki.");
    }

    /** An event listener method whose event says which tenant it is about. */
    public static boolean isListenerOfTenantEvents(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, EventListener.class) && method.getParameterCount() >= 1
                && carriesTenant(method.getParameterTypes()[0]);
    }

    /** Whether events of this type say which tenant they are about: a public {@code TenantId tenantId()}. */
    public static boolean carriesTenant(Class<?> eventType) {
        return accessor(eventType).isPresent();
    }

    /** The tenant an event is about; empty when it carries none or is the platform's ({@code tenantId()} null). */
    public static Optional<TenantId> tenantOf(@Nullable Object event) {
        if (event == null) {
            return Optional.empty();
        }
        Optional<Method> accessor = accessor(event.getClass());
        if (accessor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((TenantId) accessor.get().invoke(event));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read the tenant of " + event.getClass().getName(), e);
        }
    }

    private static Optional<Method> accessor(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            try {
                Method method = t.getMethod("tenantId");
                boolean usable = method.getReturnType() == TenantId.class && !Modifier.isStatic(method.getModifiers());
                if (usable) {
                    method.setAccessible(true); // records nested in package-private classes
                }
                return usable ? Optional.of(method) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
    }
}
