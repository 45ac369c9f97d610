package org.confide.audit.tiles.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.confide.audit.tiles.service.TilesService;
import org.confide.auditlog.tiles.Tiles;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's log as C2SP tlog-tiles under {@code /audit/log/<org>/} (docs/api.md "A log others can check and
 * witness"), so a standard tiles client audits it without the query API; another organisation's log is 404.
 */
@Tag(
        name = "Log tiles",
        description = "The log as C2SP tlog-tiles, for standard tiles clients (compliance, own organisation).")
@Path("/audit/log/{org}")
public class TilesResource {

    @Inject
    TilesService service;

    @Inject
    Caller caller;

    @GET
    @Path("/checkpoint")
    @APIResponse(
            responseCode = "200",
            description = "The latest checkpoint's signed note, its cosignature lines appended.",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    @Produces("text/plain; charset=utf-8")
    @RolesAllowed(Roles.COMPLIANCE)
    public Response checkpoint(@PathParam("org") String org) throws SQLException {
        own(org);
        // Mutable: a client must not keep it beyond a few seconds (C2SP tlog-tiles).
        return Response.ok(service.checkpoint(org))
                .header("Cache-Control", "private, max-age=5")
                .build();
    }

    @GET
    @Path("/tile/{path: .+}")
    @APIResponse(
            responseCode = "200",
            description = "A hash tile or an entry bundle (C2SP tlog-tiles).",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Produces("application/octet-stream")
    @RolesAllowed(Roles.COMPLIANCE)
    public Response tile(@PathParam("org") String org, @PathParam("path") String path) throws SQLException {
        own(org);
        Tiles.TilePath t = Tiles.parse(path);
        if (t == null) {
            throw ProblemException.badRequest(
                    "path", "a tile is <L>/<N>[.p/<W>] or entries/<N>[.p/<W>], N as x001/x234/067");
        }
        // Immutable once served: a tile within a signed checkpoint never changes.
        return Response.ok(service.tile(org, t))
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    private void own(String org) {
        if (!org.equals(caller.org())) throw ProblemException.notFound("log");
    }
}
