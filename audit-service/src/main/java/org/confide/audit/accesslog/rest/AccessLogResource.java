package org.confide.audit.accesslog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.confide.audit.accesslog.rule.AccessLogRule;
import org.confide.audit.accesslog.service.AccessLogService;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-REC-2: the client sees who (role, organisation) read or shared their information, when and why. */
@Tag(name = "My access log", description = "Who saw the caller's record, and why (client).")
@Path("/me/access-log")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    @Inject
    AccessLogService service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CLIENT)
    public Page<AccessLogRule.Item> accessLog(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.page(caller.org(), caller.subject(), PageRequest.of(limit, cursor));
    }
}
