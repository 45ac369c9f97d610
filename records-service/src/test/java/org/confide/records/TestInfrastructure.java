package org.confide.records;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.confide.testing.ConfideTestResource;

/**
 * Every @QuarkusTest of this module runs against a real broker in the JVM and fresh databases of its own: the
 * records database and the key vault (R-REC-3).
 */
@QuarkusTestResource(
        value = ConfideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_records_test"))
@QuarkusTestResource(KeyVaultTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
