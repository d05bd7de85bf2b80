package fi.arki.identity.internal;

import fi.arki.identity.AccessRule;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Enforces the access rule of every {@code @Service} method that declares one (on the method or its
 * class), before its transaction begins. Calls with no {@link Authentication} at all are Arki's
 * own (start-up, listeners, jobs) and pass; every web request carries one, anonymous or not.
 */
@Configuration(proxyBeanMethods = false)
class AccessRuleEnforcement {

    /** Outside the transaction interceptor, so a refused call never opens a transaction. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor arkiAccessRuleAdvisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut(), new Interceptor());
        advisor.setOrder(ORDER);
        return advisor;
    }

    private static Pointcut pointcut() {
        ClassFilter services = c -> AnnotatedElementUtils.hasAnnotation(c, Service.class);
        ComposablePointcut any = null;
        for (Class<? extends Annotation> type : AccessRule.ANNOTATIONS) {
            for (Pointcut p : new Pointcut[] {new AnnotationMatchingPointcut(type, true), AnnotationMatchingPointcut.forMethodAnnotation(type)}) {
                any = any == null ? new ComposablePointcut(p) : any.union(p);
            }
        }
        return any.intersection(services);
    }

    static final class Interceptor implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null) {
                Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
                        : AopUtils.getTargetClass(invocation.getThis());
                Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), target);
                AccessRule rule = AccessRule.of(method, target)
                        .orElseThrow(() -> new AccessDeniedException("No single access rule on " + method));
                if (!rule.allows(authentication)) {
                    throw new AccessDeniedException("Not allowed: " + target.getSimpleName() + "." + method.getName());
                }
            }
            return invocation.proceed();
        }
    }
}
