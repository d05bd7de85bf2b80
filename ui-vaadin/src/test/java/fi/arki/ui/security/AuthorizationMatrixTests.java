package fi.arki.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import fi.arki.directory.Role;
import fi.arki.identity.AccessRule;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.ui.UiIntegrationTest;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T-11. {@code docs/authorization-matrix.csv} is the source of truth: for every {@code @Route} and
 * every public method of every {@code …Management} service, which of the five kinds of user may
 * use it. This test checks that every route and method has exactly one access rule, that the
 * matrix lists each of them (and nothing else), and then exercises each one as each kind of user:
 * routes through Vaadin's own access checker, service methods by calling the real Spring beans.
 */
@UiIntegrationTest
class AuthorizationMatrixTests {

    static final Path MATRIX = Path.of("..", "docs", "authorization-matrix.csv");
    static final List<String> WHO = List.of("anonymous", "member", "facilitator", "tenant-admin", "platform-admin");
    static final List<Class<? extends Annotation>> VIEW_RULES =
            List.of(com.vaadin.flow.server.auth.AnonymousAllowed.class, PermitAll.class, RolesAllowed.class, DenyAll.class);

    @Autowired ApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired PlatformTransactionManager transactions;

    TenantId tenant = TenantId.random();

    @BeforeEach
    void tenant() {
        tenants.create(tenant, "matrix-" + tenant.value().toString().substring(0, 8), "Matrix tenant");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_route_has_exactly_one_access_annotation() {
        List<String> wrong = routes().stream()
                .filter(view -> VIEW_RULES.stream().filter(view::isAnnotationPresent).count() != 1)
                .map(Class::getName).toList();
        assertThat(wrong).as("views that need exactly one of @AnonymousAllowed, @PermitAll, @RolesAllowed, @DenyAll").isEmpty();
    }

    @Test
    void every_public_service_method_has_exactly_one_access_rule() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> service : services()) {
            if (AccessRule.declared(service).size() > 1) {
                wrong.add(service.getName() + " (class has " + AccessRule.declared(service) + ")");
            }
            for (Method method : publicMethods(service)) {
                if (AccessRule.declared(method).size() > 1 || AccessRule.of(method, service).isEmpty()) {
                    wrong.add(key(method));
                }
            }
        }
        assertThat(wrong).as("service methods that need exactly one access rule (on the method or its class)").isEmpty();
    }

    @Test
    void the_matrix_lists_every_route_and_service_method_and_nothing_else() throws IOException {
        Map<String, List<String>> matrix = matrix();
        Map<String, List<String>> actual = actualDecisions();
        List<String> missing = actual.entrySet().stream().filter(e -> !matrix.containsKey(e.getKey()))
                .map(e -> e.getKey() + "," + String.join(",", e.getValue())).toList();
        List<String> stale = matrix.keySet().stream().filter(k -> !actual.containsKey(k)).toList();
        assertThat(missing).as("""
                Routes or service methods missing from docs/authorization-matrix.csv. Decide who may use each, \
                then add its line (kind,target,%s); what the code allows today is shown""".formatted(String.join(",", WHO)))
                .isEmpty();
        assertThat(stale).as("Lines of docs/authorization-matrix.csv for routes or methods that no longer exist").isEmpty();
    }

    @Test
    void every_route_and_service_method_allows_exactly_whom_the_matrix_says() throws IOException {
        Map<String, List<String>> matrix = matrix();
        List<String> differences = new ArrayList<>();
        actualDecisions().forEach((target, decisions) -> {
            List<String> expected = matrix.get(target);
            if (expected != null && !expected.equals(decisions)) {
                differences.add(target + ": matrix says " + expected + ", the code does " + decisions);
            }
        });
        assertThat(differences).isEmpty();
    }

    /** Target → allow/deny for each kind of user, found by exercising the running application. */
    private Map<String, List<String>> actualDecisions() {
        Map<String, List<String>> decisions = new TreeMap<>();
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        for (Class<?> view : routes()) {
            List<String> row = new ArrayList<>();
            for (String who : WHO) {
                Authentication user = user(who);
                boolean signedIn = !(user instanceof AnonymousAuthenticationToken);
                boolean allowed = checker.hasAccess(view, signedIn ? user : null,
                        role -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
                row.add(allowed ? "allow" : "deny");
            }
            decisions.put("route," + view.getAnnotation(Route.class).value(), row);
        }
        for (Class<?> service : services()) {
            Object bean = context.getBean(service);
            for (Method method : publicMethods(service)) {
                List<String> row = new ArrayList<>();
                for (String who : WHO) {
                    row.add(call(bean, method, who) ? "allow" : "deny");
                }
                decisions.put("service," + key(method), row);
            }
        }
        return decisions;
    }

    /** Calls the method through the bean's proxy as the user, in a transaction that is rolled back; false if refused. */
    private boolean call(Object bean, Method method, String who) {
        SecurityContextHolder.getContext().setAuthentication(user(who));
        Runnable invocation = () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                method.invoke(bean, Arrays.stream(method.getParameterTypes()).map(AuthorizationMatrixTests::nothing).toArray());
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof AccessDeniedException denied) {
                    throw denied;
                }
                // anything else (bad input, nothing bound, a null) happened after the access rule let the call in
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            if (who.equals("anonymous") || who.equals("platform-admin")) {
                invocation.run();
            } else {
                TenantContext.runAs(tenant, invocation);
            }
            return true;
        } catch (AccessDeniedException e) {
            return false;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Authentication user(String who) {
        if (who.equals("anonymous")) {
            return new AnonymousAuthenticationToken("matrix", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        }
        boolean platform = who.equals("platform-admin");
        List<Role> roles = switch (who) {
            case "member" -> List.of(Role.MEMBER);
            case "facilitator" -> List.of(Role.FACILITATOR);
            case "tenant-admin" -> List.of(Role.TENANT_ADMIN);
            default -> List.of();
        };
        ActingUser user = new ActingUser(AccountId.random(), who, platform, null, null, roles);
        List<GrantedAuthority> authorities = user.roleNames().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private static Object nothing(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        return type == int.class ? 0 : (Object) (short) 0;
    }

    static Map<String, List<String>> matrix() throws IOException {
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MATRIX)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("kind,")) {
                continue;
            }
            // a target may itself contain commas (several parameters): the five decisions are the last fields
            List<String> fields = List.of(line.split(","));
            int split = fields.size() - WHO.size();
            String target = String.join(",", fields.subList(0, split));
            if (matrix.put(target, List.copyOf(fields.subList(split, fields.size()))) != null) {
                throw new IllegalStateException("Listed twice in the matrix: " + target);
            }
        }
        return matrix;
    }

    static List<Class<?>> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("fi.arki").stream().map(AuthorizationMatrixTests::load)
                .sorted(java.util.Comparator.comparing(Class::getName)).toList();
    }

    static List<Class<?>> services() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile("fi\\.arki\\..*Management")));
        return scanner.findCandidateComponents("fi.arki").stream().map(AuthorizationMatrixTests::load)
                .filter(c -> !c.getName().startsWith("fixtures."))
                .sorted(java.util.Comparator.comparing(Class::getName)).toList();
    }

    static List<Method> publicMethods(Class<?> service) {
        return Arrays.stream(service.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .sorted(java.util.Comparator.comparing(AuthorizationMatrixTests::key))
                .toList();
    }

    static String key(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(";")) + ")";
    }

    private static Class<?> load(org.springframework.beans.factory.config.BeanDefinition definition) {
        try {
            return Class.forName(definition.getBeanClassName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
