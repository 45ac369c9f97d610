package org.confide.records.retention.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.correlation.CorrelationId;
import org.confide.records.retention.rest.RetentionDtos.RunResult;
import org.confide.records.retention.service.RetentionRun;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-REC-3: destroy every due client of the caller's organisation now. */
@Tag(
        name = "Retention",
        description =
                "Destruction when the retention period has run out, and legal holds that suspend it (R-REC-3, R-REC-4).")
@Path("/retention/run")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionRunResource {

    @Inject
    RetentionRun run;

    @Inject
    Caller caller;

    @Inject
    CorrelationId correlation;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public RunResult runNow() {
        return new RunResult(run.run(caller.org(), caller.actor(), correlation.value()));
    }
}
