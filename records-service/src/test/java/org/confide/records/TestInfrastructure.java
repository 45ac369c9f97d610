package org.confide.records;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.confide.testing.ConfideTestResource;

/**
 * Every @QuarkusTest of this module runs against a real broker in the JVM and fresh databases of its own: the
 * records database and the key vault (R-REC-3); and a real SMTP server for mails.
 */
@QuarkusTestResource(
        value = ConfideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_records_test"))
@QuarkusTestResource(KeyVaultTestResource.class)
@QuarkusTestResource(MailTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
