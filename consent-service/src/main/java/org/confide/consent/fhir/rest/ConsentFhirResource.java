package org.confide.consent.fhir.rest;

import static org.confide.platform.problem.Params.uuid;

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
import org.confide.consent.fhir.rule.FhirConsent;
import org.confide.consent.fhir.service.ConsentFhirService;
import org.confide.platform.auth.Roles;
import org.confide.platform.fhir.Bundle;
import org.confide.platform.fhir.CapabilityStatement;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.FhirSearch;
import org.confide.platform.openapi.Refusal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consents as FHIR R4 Consent resources, for health and care systems (docs/api.md "FHIR R4"); read-only. */
@Tag(name = "FHIR R4", description = "Consents as FHIR R4 Consent resources, and the CapabilityStatement (read-only).")
@Path("/fhir/r4")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ConsentFhirResource {

    static final String PATIENT = "patient";

    @Inject
    ConsentFhirService service;

    @Context
    UriInfo uri;

    /** As {@code GET /consents?clientId=}: a searchset of the client's consents (all the caller may see without one). */
    @GET
    @Path("/Consent")
    @Operation(
            summary = "Search consents as FHIR R4 Consent",
            description = "patient: the Confide client id; a client unknown in the caller's organisation matches"
                    + " nothing. _count 1 to 500 (default 50); the next link carries _cursor.")
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the patient")
    public Bundle search(
            @QueryParam(PATIENT) String patient,
            @QueryParam(FhirSearch.COUNT) String count,
            @QueryParam(FhirSearch.CURSOR) String cursor) {
        FhirSearch.requireOnly(uri, Set.of(PATIENT));
        int limit = FhirSearch.count(count);
        String after = FhirSearch.after(cursor);
        ConsentFhirService.Found found = service.search(
                patient == null || patient.isBlank() ? null : patient,
                after == null ? null : uuid(FhirSearch.CURSOR, after),
                limit);
        String next = found.more()
                ? FhirSearch.next(uri, limit, found.page().getLast().id())
                : null;
        return Bundle.searchset(
                FhirSearch.base(uri), uri.getRequestUri().toString(), next, (int) found.total(), found.page());
    }

    /** As {@code GET /consents/{id}}. */
    @GET
    @Path("/Consent/{id}")
    @Operation(summary = "Read one consent as a FHIR R4 Consent")
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the consent's client")
    public FhirConsent read(@PathParam("id") String id) {
        return service.read(uuid("id", id));
    }

    /** What this endpoint serves, and nothing more; no token needed (it describes, it discloses nothing). */
    @GET
    @Path("/metadata")
    @Operation(summary = "The FHIR R4 CapabilityStatement of consent-service")
    @PermitAll
    @Refusal(status = 406, when = "an Accept header that names neither application/fhir+json nor application/json")
    public CapabilityStatement metadata() {
        return CapabilityStatement.of(
                "consent-service",
                FhirSearch.base(uri),
                "consents recorded in Confide as FHIR R4 Consent resources, read-only",
                List.of(CapabilityStatement.readOnly(
                        "Consent",
                        "A consent to disclose categories of information to a recipient for a purpose; withdrawn and"
                                + " expired ones are inactive, with the provision's period ending when it stopped.",
                        "As GET /consents/{id}: manager; practitioner allocated to the client.",
                        "As GET /consents: manager; practitioner (their allocated clients).",
                        List.of(new CapabilityStatement.SearchParam(
                                PATIENT,
                                "http://hl7.org/fhir/SearchParameter/clinical-patient",
                                "reference",
                                "The Confide client id (the patient's identifier in " + Fhir.CLIENT_SYSTEM + ")")))));
    }
}
