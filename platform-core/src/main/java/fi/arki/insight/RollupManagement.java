package fi.arki.insight;

import fi.arki.shared.AccessRoles;
import fi.arki.shared.AsArki;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fi.arki.insight.internal.ExportTexts;
import org.springframework.stereotype.Service;

/**
 * The platform administrator's cross-organisation view (a national view without any team's words):
 * each tenant that has opted in is read under its own binding, as its own coverage page would be,
 * and only counts and pooled ratings leave it. Tenants that have not opted in are counted, not read.
 * Not one transaction: every tenant is read in its own, bound to that tenant.
 */
@Service
public class RollupManagement {

    private final TenantManagement tenants;
    private final TenantSettingsManagement settings;
    private final CoverageManagement coverage;
    private final ExportTexts texts;

    RollupManagement(TenantManagement tenants, TenantSettingsManagement settings, CoverageManagement coverage, ExportTexts texts) {
        this.texts = texts;
        this.tenants = tenants;
        this.settings = settings;
        this.coverage = coverage;
    }

    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    public Rollup rollup(Instant since, Language language) {
        // questions are worded with a neutral organisation name, so the same question reads the same in every tenant
        OrganisationName neutral = new OrganisationName(texts.text(language, "organisation"), null, null);
        List<Rollup.OrganisationLine> lines = new ArrayList<>();
        record Question(String deck, String card, String question, fi.arki.deck.RatingScale scale) {
        }
        Map<Question, List<Coverage.Figure>> pooled = new LinkedHashMap<>();
        int notSharing = 0;
        for (Tenant tenant : tenants.all()) {
            Optional<Coverage> shared = TenantContext.callAs(tenant.id(), () -> AsArki.call(() ->
                    settings.sharesInRollup() ? Optional.of(coverage.coverage(since, language, neutral)) : Optional.<Coverage>empty()));
            if (shared.isEmpty()) {
                notSharing++;
                continue;
            }
            Coverage c = shared.get();
            lines.add(new Rollup.OrganisationLine(tenant.name(), c.teamCount(), c.teamsReached(), c.sessionCount(),
                    count(c, fi.arki.followup.TargetStatus.OPEN), count(c, fi.arki.followup.TargetStatus.DONE),
                    (int) c.targets().stream().filter(Coverage.TargetLine::overdue).count()));
            for (Coverage.RatingLine rating : c.ratings()) {
                if (rating.total() != null) {
                    pooled.computeIfAbsent(new Question(rating.deck(), rating.card(), rating.question(), rating.scale()),
                            q -> new ArrayList<>()).add(rating.total());
                }
            }
        }
        lines.sort(Comparator.comparing(Rollup.OrganisationLine::name));
        List<Rollup.RatingLine> ratings = new ArrayList<>();
        pooled.forEach((q, figures) -> ratings.add(new Rollup.RatingLine(q.deck(), q.card(), q.question(), q.scale(),
                pool(figures, q.scale()), figures.size())));
        return new Rollup(since, lines, notSharing, ratings);
    }

    private static int count(Coverage c, fi.arki.followup.TargetStatus status) {
        return (int) c.targets().stream().filter(t -> t.status() == status).count();
    }

    /** Figures of several tenants as one: their distributions added, the average and net score of the whole. */
    static Coverage.Figure pool(List<Coverage.Figure> figures, fi.arki.deck.RatingScale scale) {
        Coverage.Figure all = CoverageManagement.figure(figures.stream().map(Coverage.Figure::distribution).toList(), scale);
        int sessions = figures.stream().mapToInt(Coverage.Figure::sessions).sum();
        return new Coverage.Figure(sessions, all.answers(), all.average(), all.netScore(), all.distribution());
    }
}
