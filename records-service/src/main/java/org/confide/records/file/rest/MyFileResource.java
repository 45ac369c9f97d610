package org.confide.records.file.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.records.file.rest.FileDtos.MyFile;
import org.confide.records.file.service.FileService;

/** The client's own file (R-REC-2); the token's sub is their client id. */
@Tag(name = "My file", description = "Everything records-service holds about the caller (R-REC-2).")
@Path("/me/file")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyFileResource {

    @Inject
    FileService service;

    @GET
    public MyFile get() {
        return service.ownFile();
    }
}
