package fi.arki.ui.security;

import fi.arki.identity.ActingUser;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's chosen tenant to the handling of each request, after Spring Security
 * has authenticated it. Requests without one (sign-in page, static files) run with no tenant and
 * therefore see no tenant's rows.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantId> tenant = CurrentUser.get().flatMap(ActingUser::tenantId);
        if (tenant.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            TenantContext.<Void, Exception>callAs(tenant.get(), () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
