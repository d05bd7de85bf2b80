package fi.arki.tenancy.internal;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds the current tenant to every transaction it begins, including {@code REQUIRES_NEW} ones.
 *
 * <p>{@code set_config(…, true)} is transaction-local, so a pooled connection carries nothing into
 * the next transaction, and it takes a bind parameter, unlike {@code SET LOCAL}. With no tenant
 * bound the setting is the empty string, which the RLS policies turn into "no rows".
 */
public class TenantBindingTransactionManager extends JdbcTransactionManager {

    static final String BIND_TENANT = "select set_config('arki.tenant_id', ?, true)";

    public TenantBindingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        try (PreparedStatement bind = con.prepareStatement(BIND_TENANT)) {
            bind.setString(1, TenantContext.current().map(TenantId::toString).orElse(""));
            bind.execute();
        }
    }
}
