package fi.arki.tenancy;

import static fi.arki.directory.internal.db.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.directory.internal.Units;
import fi.arki.shared.TenantId;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.Sentinels;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** T-07: where the tenant is bound, and that everywhere else fails closed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ArkiIntegrationTest
class TenantBindingIntegrationTests {

    Sentinels a;
    Sentinels b;

    @Autowired DirectoryManagement directory;
    @Autowired Units units;
    @Autowired DSLContext db;
    @Autowired PlatformTransactionManager transactions;

    /** After the context (and so the migrations) is up; once per class. */
    @BeforeAll
    void seed() {
        a = Sentinels.seed("A");
        b = Sentinels.seed("B");
    }

    @Test
    void a_transactional_service_sees_the_bound_tenant_and_only_it() {
        Organisation organisation = TenantContext.callAs(a.tenant(), directory::organisation);
        assertThat(organisation.units()).extracting(u -> u.unit().name()).containsExactly("Unit of A");
        assertThat(organisation.units().getFirst().teams()).extracting(t -> t.name()).containsExactly("Team of A");
    }

    @Test
    void a_transaction_with_no_tenant_bound_sees_no_tenant_rows() {
        assertThat(directory.organisation().units()).isEmpty();
        assertThat(directory.teams()).isEmpty();
    }

    @Test
    void a_repository_called_outside_a_transaction_refuses_to_run() {
        assertThatThrownBy(() -> TenantContext.runAs(a.tenant(), units::units))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void a_query_outside_any_transaction_sees_nothing_even_with_a_tenant_bound() {
        List<UUID> seen = TenantContext.callAs(a.tenant(), () -> db.select(UNIT.TENANT_ID).from(UNIT).fetch(UNIT.TENANT_ID));
        assertThat(seen).isEmpty();
    }

    @Test
    void requires_new_binds_the_tenant_of_the_code_that_opens_it() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        List<List<UUID>> seen = TenantContext.callAs(a.tenant(), () -> outer.execute(status -> {
            List<UUID> before = unitTenants();
            List<UUID> sameTenantNew = inner.execute(s -> unitTenants());
            List<UUID> otherTenantNew = TenantContext.callAs(b.tenant(), () -> inner.execute(s -> unitTenants()));
            List<UUID> after = unitTenants();
            return List.of(before, sameTenantNew, otherTenantNew, after);
        }));

        assertThat(seen.get(0)).containsOnly(a.tenant().value()).isNotEmpty();
        assertThat(seen.get(1)).containsOnly(a.tenant().value()).isNotEmpty();
        assertThat(seen.get(2)).containsOnly(b.tenant().value()).isNotEmpty();
        assertThat(seen.get(3)).containsOnly(a.tenant().value()).isNotEmpty();
    }

    @Test
    void a_tenant_bound_after_the_transaction_began_does_not_change_what_it_sees() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<UUID> seen = TenantContext.callAs(a.tenant(), () -> tx.execute(s ->
                TenantContext.callAs(b.tenant(), this::unitTenants)));
        assertThat(seen).containsOnly(a.tenant().value());
    }

    @Test
    void services_that_write_need_a_tenant() {
        assertThatThrownBy(() -> directory.createUnit("Nobody's unit"))
                .isInstanceOf(TenantContext.NoTenantBoundException.class);
    }

    @Test
    void work_handed_to_another_thread_keeps_the_tenant_only_when_propagated() throws Exception {
        TenantId[] seen = new TenantId[2];
        TenantContext.runAs(a.tenant(), () -> {
            Thread plain = Thread.ofVirtual().start(() -> seen[0] = TenantContext.current().orElse(null));
            Thread propagated = Thread.ofVirtual().start(TenantContext.propagating(() -> seen[1] = TenantContext.current().orElse(null)));
            try {
                plain.join();
                propagated.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen[0]).isNull();
        assertThat(seen[1]).isEqualTo(a.tenant());
    }

    private List<UUID> unitTenants() {
        return db.select(UNIT.TENANT_ID).from(UNIT).fetch(UNIT.TENANT_ID);
    }
}
