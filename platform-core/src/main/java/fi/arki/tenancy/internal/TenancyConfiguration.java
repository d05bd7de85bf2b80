package fi.arki.tenancy.internal;

import fi.arki.tenancy.TenantContext;
import javax.sql.DataSource;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.task.TaskDecorator;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:arki-core.properties")
class TenancyConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantBindingTransactionManager(dataSource);
    }

    /**
     * jOOQ writes no SQL to the log, at any level: its statements would carry their bind values,
     * and those are people's answers (T-23, docs/data-lifecycle.md). Statement timing and errors
     * come from the database and the pool, not from statement text.
     */
    @Bean
    DefaultConfigurationCustomizer noStatementLogging() {
        return configuration -> configuration.settings().withExecuteLogging(false);
    }

    /** Work handed to the application's executor keeps the tenant of the code that handed it over. */
    @Bean
    TaskDecorator tenantPropagatingTaskDecorator() {
        return TenantContext::propagating;
    }
}
