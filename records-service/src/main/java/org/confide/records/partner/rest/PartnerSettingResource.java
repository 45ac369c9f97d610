package org.confide.records.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.confide.records.partner.rest.PartnerDtos.PartnerList;
import org.confide.records.partner.rest.PartnerDtos.PartnerSettingView;
import org.confide.records.partner.service.PartnerService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner organisations the caller's organisation accepts referrals from (R-REF-1). */
@Tag(name = "Settings", description = "Organisation settings: accepted partners, retention period.")
@Path("/settings/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerSettingResource {

    @Inject
    PartnerService service;

    @Inject
    Caller caller;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Refusal(status = 422, rules = "R-REF-1", when = "a bad entry in partnerOrgs, named")
    public PartnerSettingView set(@NotNull(message = "a JSON body is required") PartnerList body) {
        return new PartnerSettingView(caller.org(), service.set(body.partnerOrgs()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public PartnerSettingView list() {
        return new PartnerSettingView(caller.org(), service.of(caller.org()));
    }
}
