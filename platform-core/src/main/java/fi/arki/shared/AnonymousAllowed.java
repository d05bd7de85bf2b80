package fi.arki.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a service method that anyone may call, signed in or not (a guest joining by
 * code, the sign-in itself). The other three rules are {@code jakarta.annotation.security}'s
 * {@code @PermitAll} (any signed-in user), {@code @RolesAllowed} and {@code @DenyAll}; every
 * public method of a {@code …Management} service has exactly one (see CONTRIBUTING.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnonymousAllowed {
}
