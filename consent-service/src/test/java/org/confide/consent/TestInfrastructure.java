package org.confide.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.confide.testing.ConfideTestResource;
import org.confide.testing.KeyVaultTestResource;

/** Every @QuarkusTest of this module runs against a real broker in the JVM and fresh databases of its own: the
 * service's database and its key vault (R-REC-3). */
@QuarkusTestResource(
        value = ConfideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_consent_test"))
@QuarkusTestResource(
        value = KeyVaultTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_consent_keys_test"))
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
