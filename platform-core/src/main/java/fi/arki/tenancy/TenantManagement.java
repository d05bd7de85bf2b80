package fi.arki.tenancy;

import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.internal.Tenants;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds tenants to the catalogue and finds them. */
@Service
public class TenantManagement {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final Tenants tenants;
    private final ApplicationEventPublisher events;

    TenantManagement(Tenants tenants, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.events = events;
    }

    @Transactional
    public Tenant create(TenantId id, String slug, String name) {
        String cleanName = Names.require(name);
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("error.tenant.slug-format");
        }
        if (tenants.slugTaken(slug)) {
            throw new InvalidInputException("error.tenant.slug-taken", slug);
        }
        Tenant tenant = new Tenant(id, slug, cleanName);
        tenants.insert(tenant);
        events.publishEvent(new TenantCreated(id, slug, cleanName));
        return tenant;
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> find(TenantId id) {
        return tenants.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.all();
    }
}
