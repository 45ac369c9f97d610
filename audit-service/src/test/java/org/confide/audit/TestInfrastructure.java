package org.confide.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against a real broker in the JVM and a fresh database of its own, connected
 * as the runtime role the running service uses.
 */
@QuarkusTestResource(
        value = AuditTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_audit_test"))
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
