package fi.arki.tenancy.internal;

import fi.arki.tenancy.TenantContext;
import javax.sql.DataSource;
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

    /** Work handed to the application's executor keeps the tenant of the code that handed it over. */
    @Bean
    TaskDecorator tenantPropagatingTaskDecorator() {
        return TenantContext::propagating;
    }
}
