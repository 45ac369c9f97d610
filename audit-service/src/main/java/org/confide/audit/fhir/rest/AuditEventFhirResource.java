package org.confide.audit.fhir.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.confide.audit.fhir.rule.FhirAuditEvent;
import org.confide.audit.fhir.service.AuditEventFhirService;
import org.confide.platform.auth.Roles;
import org.confide.platform.fhir.Bundle;
import org.confide.platform.fhir.CapabilityStatement;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.FhirSearch;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log as FHIR R4 AuditEvent resources, for health and care systems (docs/api.md "FHIR R4"); read-only. */
@Tag(
        name = "FHIR R4",
        description = "Audit entries as FHIR R4 AuditEvent resources, each with its hash and seq, and the"
                + " CapabilityStatement (read-only).")
@Path("/fhir/r4")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class AuditEventFhirResource {

    static final String ENTITY = "entity";
    static final String TAG = "_tag";

    @Inject
    AuditEventFhirService service;

    @Context
    UriInfo uri;

    /** As {@code GET /audit/entries?clientId=&correlationId=}, oldest first. */
    @GET
    @Path("/AuditEvent")
    @Operation(
            summary = "Search the audit log as FHIR R4 AuditEvent",
            description = "entity: the Confide client id; _tag: the correlation id (or urn:confide:correlation|id)."
                    + " _count 1 to 500 (default 50); the next link carries _cursor. total is given when filtered.")
    @RolesAllowed(Roles.COMPLIANCE)
    public Bundle search(
            @QueryParam(ENTITY) String entity,
            @QueryParam(TAG) String tag,
            @QueryParam(FhirSearch.COUNT) String count,
            @QueryParam(FhirSearch.CURSOR) String cursor) {
        FhirSearch.requireOnly(uri, Set.of(ENTITY, TAG));
        int limit = FhirSearch.count(count);
        String after = FhirSearch.after(cursor);
        long afterSeq;
        try {
            afterSeq = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(FhirSearch.CURSOR, "is not a cursor this service issued");
        }
        AuditEventFhirService.Found found = service.search(
                blankToNull(stripSystem(entity, Fhir.CLIENT_SYSTEM)),
                blankToNull(stripSystem(tag, Fhir.CORRELATION_SYSTEM)),
                afterSeq,
                limit);
        String next = found.more()
                ? FhirSearch.next(uri, limit, found.page().getLast().id())
                : null;
        return Bundle.searchset(
                FhirSearch.base(uri),
                uri.getRequestUri().toString(),
                next,
                found.total() == null ? null : found.total().intValue(),
                found.page());
    }

    /** One entry by its seq in the caller's organisation's log. */
    @GET
    @Path("/AuditEvent/{id}")
    @Operation(summary = "Read one audit entry, by its seq, as a FHIR R4 AuditEvent")
    @RolesAllowed(Roles.COMPLIANCE)
    public FhirAuditEvent read(@PathParam("id") String id) {
        long seq;
        try {
            seq = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("id", "must be the entry's seq, a whole number");
        }
        if (seq < 1) throw ProblemException.badRequest("id", "must be 1 or more");
        return service.read(seq);
    }

    /** What this endpoint serves, and nothing more; no token needed (it describes, it discloses nothing). */
    @GET
    @Path("/metadata")
    @Operation(summary = "The FHIR R4 CapabilityStatement of audit-service")
    @PermitAll
    @Refusal(status = 406, when = "an Accept header that names neither application/fhir+json nor application/json")
    public CapabilityStatement metadata() {
        return CapabilityStatement.of(
                "audit-service",
                FhirSearch.base(uri),
                "the audit log of Confide as FHIR R4 AuditEvent resources, read-only",
                List.of(CapabilityStatement.readOnly(
                        "AuditEvent",
                        "One audit log entry; the entity of type System Object carries the entry's seq, hash, prevHash"
                                + " and the canonical JSON its hash was taken over.",
                        "By seq, as GET /audit/entries: compliance.",
                        "As GET /audit/entries: compliance; oldest first.",
                        List.of(
                                new CapabilityStatement.SearchParam(
                                        ENTITY,
                                        "http://hl7.org/fhir/SearchParameter/AuditEvent-entity",
                                        "reference",
                                        "The Confide client id (the entity's identifier in " + Fhir.CLIENT_SYSTEM
                                                + ")"),
                                new CapabilityStatement.SearchParam(
                                        TAG,
                                        "http://hl7.org/fhir/SearchParameter/Resource-tag",
                                        "token",
                                        "The correlation id (" + Fhir.CORRELATION_SYSTEM + "): one disclosure's"
                                                + " trail across services")))));
    }

    /** {@code system|value} as the value, when the system is ours. */
    static String stripSystem(String value, String system) {
        if (value == null) return null;
        return value.startsWith(system + "|") ? value.substring(system.length() + 1) : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
