package fi.arki.tenancy;

import static fi.arki.directory.internal.db.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fi.arki.shared.TenantId;
import fi.arki.testing.Sentinels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T-06: one pooled connection, a thousand transactions for tenant A, tenant B or no tenant in
 * random order, some failing half-way (an exception or a broken statement). No transaction may
 * ever see another tenant's rows — the setting must not survive on the connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=1")
@ActiveProfiles("test")
@Tag("integration")
class PoolLeakIntegrationTests {

    Sentinels a;
    Sentinels b;

    @Autowired DSLContext db;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;

    /** After the context (and so the migrations) is up; once per class. */
    @BeforeAll
    void seed() {
        a = Sentinels.seed("A");
        b = Sentinels.seed("B");
    }

    @Test
    void a_thousand_mixed_transactions_on_one_connection_never_leak_a_tenant() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(1);
        Random random = new Random(20261127L);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> leaks = new ArrayList<>();
        int failures = 0;

        for (int i = 0; i < 1000; i++) {
            Optional<TenantId> tenant = switch (random.nextInt(3)) {
                case 0 -> Optional.of(a.tenant());
                case 1 -> Optional.of(b.tenant());
                default -> Optional.empty();
            };
            int failure = random.nextInt(4); // 0: exception after reading, 1: SQL error, else: commit
            int round = i;
            Runnable work = () -> tx.executeWithoutResult(status -> {
                List<UUID> seen = db.select(UNIT.TENANT_ID).from(UNIT).fetch(UNIT.TENANT_ID);
                List<UUID> expected = tenant.map(t -> List.of(t.value())).orElse(List.of());
                if (!List.copyOf(new LinkedHashSet<>(seen)).equals(expected)) {
                    leaks.add("round " + round + " bound " + tenant + " but saw " + seen);
                }
                if (failure == 0) {
                    throw new IllegalStateException("fails half-way");
                }
                if (failure == 1) {
                    db.execute("select 1/0");
                }
            });
            try {
                tenant.ifPresentOrElse(t -> TenantContext.runAs(t, work), work);
            } catch (RuntimeException expectedFailure) {
                failures++;
            }
            List<UUID> autocommit = db.select(UNIT.TENANT_ID).from(UNIT).fetch(UNIT.TENANT_ID);
            if (!autocommit.isEmpty()) {
                leaks.add("round " + round + ": a query outside any transaction saw " + autocommit);
            }
        }

        assertThat(leaks).isEmpty();
        assertThat(failures).isBetween(300, 700);
    }
}
