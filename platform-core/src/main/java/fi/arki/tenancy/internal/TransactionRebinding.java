package fi.arki.tenancy.internal;

import fi.arki.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds the current transaction to another tenant, the same way the transaction manager binds it
 * at the start ({@code set_config(…, true)}: transaction-local, with a bind parameter). A tenant
 * merge needs this (it reads one tenant and writes another within one transaction), and so does a
 * synchronous event listener whose event is about another tenant than the publisher's transaction
 * ({@link TenantOfAsyncWork}).
 */
@Component
public class TransactionRebinding {

    private final DataSource dataSource;

    TransactionRebinding(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tenant the current transaction is bound to in the database, if any. */
    public Optional<TenantId> bound() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Only a transaction has a tenant binding");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement read = connection.prepareStatement("select current_setting('arki.tenant_id', true)");
             java.sql.ResultSet rs = read.executeQuery()) {
            String value = rs.next() ? rs.getString(1) : null;
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(TenantId.of(value));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the transaction's tenant", e);
        }
    }

    public void rebind(@Nullable TenantId tenant) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A tenant can only be rebound inside a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement bind = connection.prepareStatement(TenantBindingTransactionManager.BIND_TENANT)) {
            bind.setString(1, tenant == null ? "" : tenant.toString());
            bind.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebind the transaction's tenant", e);
        }
    }
}
