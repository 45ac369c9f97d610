package org.confide.records.complaint.rest;

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
import org.confide.records.complaint.rest.ComplaintDtos.OutsideBodyDto;
import org.confide.records.complaint.rest.ComplaintDtos.OutsideBodyList;
import org.confide.records.complaint.rest.ComplaintDtos.OutsideBodySettingView;
import org.confide.records.complaint.rule.ComplaintRule;
import org.confide.records.complaint.service.ComplaintCommands.SetOutsideBodies;
import org.confide.records.complaint.service.ComplaintService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The outside bodies a complaining client is told of (R-COMP-1), per organisation; none until its admin lists them. */
@Tag(name = "Settings", description = "Organisation settings: accepted partners, retention period.")
@Path("/settings/complaint-bodies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutsideBodySettingResource {

    @Inject
    ComplaintService service;

    @Inject
    Caller caller;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public OutsideBodySettingView set(@NotNull(message = "a JSON body is required") @Valid OutsideBodyList body) {
        var listed = body.outsideBodies() == null
                ? null
                : body.outsideBodies().stream()
                        .map(b -> b == null ? null : new ComplaintRule.Body(b.name(), b.url()))
                        .toList();
        return new OutsideBodySettingView(
                caller.org(), OutsideBodyDto.of(service.setOutsideBodies(new SetOutsideBodies(listed))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public OutsideBodySettingView get() {
        return new OutsideBodySettingView(caller.org(), OutsideBodyDto.of(service.outsideBodies(caller.org())));
    }
}
