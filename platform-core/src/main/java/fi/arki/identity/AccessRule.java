package fi.arki.identity;

import fi.arki.shared.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The one access rule a service method declares: {@link AnonymousAllowed} (anyone),
 * {@link PermitAll} (anyone signed in), {@link RolesAllowed} (a signed-in user with one of the
 * roles) or {@link DenyAll}. A method's own annotation wins over its class's. Enforced for every
 * call made on someone's behalf; code that runs on no one's behalf (start-up, event listeners,
 * scheduled jobs: no {@link Authentication} at all) runs as the system.
 */
public record AccessRule(Kind kind, Set<String> roles) {

    public static final List<Class<? extends Annotation>> ANNOTATIONS =
            List.of(AnonymousAllowed.class, PermitAll.class, RolesAllowed.class, DenyAll.class);

    public enum Kind { ANONYMOUS, AUTHENTICATED, ROLES, DENY }

    public AccessRule {
        roles = Set.copyOf(roles);
    }

    /** The rule of a method, or empty if neither it nor its class declares exactly one. */
    public static Optional<AccessRule> of(Method method, Class<?> targetClass) {
        List<Annotation> own = declared(method);
        if (own.size() > 1) {
            return Optional.empty();
        }
        if (own.size() == 1) {
            return Optional.of(from(own.getFirst()));
        }
        List<Annotation> onClass = declared(targetClass);
        return onClass.size() == 1 ? Optional.of(from(onClass.getFirst())) : Optional.empty();
    }

    /** The access annotations an element declares itself (a correct element declares at most one). */
    public static List<Annotation> declared(AnnotatedElement element) {
        List<Annotation> found = new ArrayList<>();
        for (Class<? extends Annotation> type : ANNOTATIONS) {
            Annotation a = element.getAnnotation(type);
            if (a != null) {
                found.add(a);
            }
        }
        return found;
    }

    private static AccessRule from(Annotation annotation) {
        return switch (annotation) {
            case AnonymousAllowed a -> new AccessRule(Kind.ANONYMOUS, Set.of());
            case PermitAll a -> new AccessRule(Kind.AUTHENTICATED, Set.of());
            case RolesAllowed a -> new AccessRule(Kind.ROLES, Set.of(a.value()));
            case DenyAll a -> new AccessRule(Kind.DENY, Set.of());
            default -> throw new IllegalArgumentException(annotation.toString());
        };
    }

    public boolean allows(Authentication authentication) {
        boolean signedIn = authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
        return switch (kind) {
            case ANONYMOUS -> true;
            case AUTHENTICATED -> signedIn;
            case ROLES -> signedIn && authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> a != null && a.startsWith("ROLE_") && roles.contains(a.substring(5)));
            case DENY -> false;
        };
    }
}
