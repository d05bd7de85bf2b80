package fi.arki.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** T-18: the guard passes on the durable test database and refuses a PostgreSQL that cuts corners. */
@Tag("integration")
class DurabilityGuardTests {

    @Test
    void the_embedded_database_is_durable() throws Exception {
        assertThat(DurabilityGuard.problems(TestDatabase.superuser())).isEmpty();
        new DurabilityGuard(TestDatabase.superuser()).afterPropertiesSet();
    }

    @Test
    void a_database_with_fsync_synchronous_commit_or_full_page_writes_off_is_refused() throws Exception {
        // zonky's own defaults: fsync off (-F) and synchronous_commit off
        try (EmbeddedPostgres careless = EmbeddedPostgres.builder().setServerConfig("full_page_writes", "off").start()) {
            assertThat(DurabilityGuard.problems(careless.getPostgresDatabase()))
                    .containsExactly("fsync is off", "synchronous_commit is off", "full_page_writes is off");
            assertThatThrownBy(() -> new DurabilityGuard(careless.getPostgresDatabase()).afterPropertiesSet())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("can lose committed data");
        }
    }
}
