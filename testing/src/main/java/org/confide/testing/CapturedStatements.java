package org.confide.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Lets {@link QueryPlans#capture} see the SQL the repositories send, in every service's tests (META-INF/beans.xml makes
 * this module a bean archive, so Quarkus finds it).
 */
@ApplicationScoped
@PersistenceUnitExtension
public class CapturedStatements implements StatementInspector {

    @Override
    public String inspect(String sql) {
        return QueryPlans.inspect(sql);
    }
}
