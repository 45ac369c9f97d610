package org.confide.disclosure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.confide.testing.ConfideTestResource;
import org.confide.testing.KeyVaultTestResource;

/**
 * Every @QuarkusTest of this module runs against a real broker in the JVM and a fresh database of its own, and a
 * consent-service stand-in whose answers each test sets ({@link ConsentStandIn}).
 */
@QuarkusTestResource(
        value = ConfideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_disclosure_test"))
@QuarkusTestResource(
        value = KeyVaultTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_disclosure_keys_test"))
@QuarkusTestResource(ConsentStandIn.class)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
