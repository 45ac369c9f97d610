package org.confide.records.retention.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.retention.RetentionSetting;
import org.confide.records.retention.rest.RetentionDtos.RetentionPeriod;
import org.confide.records.retention.rest.RetentionDtos.RetentionSettingView;
import org.confide.records.retention.service.RetentionService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's retention period (R-REC-3): 0 to 36500 days after contact ceased. */
@Tag(name = "Settings", description = "Organisation settings: accepted partners, retention period.")
@Path("/settings/retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetentionSettingResource {

    @Inject
    RetentionService service;

    @Inject
    Caller caller;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Refusal(status = 422, rules = "R-REC-3", when = "retentionDays outside 0 to 36500")
    public RetentionSettingView setPeriod(@NotNull(message = "a JSON body is required") @Valid RetentionPeriod body) {
        RetentionSetting s = service.setPeriod(body.retentionDays());
        return new RetentionSettingView(s.org, s.retentionDays);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public RetentionSettingView period() {
        return new RetentionSettingView(caller.org(), service.periodOf(caller.org()));
    }
}
