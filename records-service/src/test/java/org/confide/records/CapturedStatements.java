package org.confide.records;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.confide.testing.QueryPlans;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Lets {@link QueryPlans#capture} see the SQL the repositories send (IndexTest explains it). */
@ApplicationScoped
@PersistenceUnitExtension
public class CapturedStatements implements StatementInspector {

    @Override
    public String inspect(String sql) {
        return QueryPlans.inspect(sql);
    }
}
