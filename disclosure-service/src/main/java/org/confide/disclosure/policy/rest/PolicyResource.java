package org.confide.disclosure.policy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.confide.disclosure.assessment.rule.Policy;
import org.confide.disclosure.policy.service.PolicyService;
import org.confide.disclosure.policy.service.PolicyService.Versioned;
import org.confide.platform.auth.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET/PUT /policy}: the organisation's disclosure policy (docs/api.md disclosure-service). */
@Tag(name = "Disclosure policy", description = "The organisation's settings for disclosure decisions, versioned.")
@Path("/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /** A PUT replaces the whole policy; a setting left out takes its default (every setting of version 0). */
    public record PolicyBody(
            Boolean requireImminenceForRiskToSelf,
            Boolean requireConsultation,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> partnerApprovalOrgs,
            Boolean allowEmergencyBeforeApproval) {}

    public record PolicyView(
            int version,
            boolean requireImminenceForRiskToSelf,
            boolean requireConsultation,
            List<String> partnerApprovalOrgs,
            boolean allowEmergencyBeforeApproval,
            OffsetDateTime createdAt,
            String createdBy) {
        static PolicyView of(Versioned v) {
            Policy p = v.policy();
            return new PolicyView(
                    v.version(),
                    p.requireImminenceForRiskToSelf(),
                    p.requireConsultation(),
                    p.partnerApprovalOrgs(),
                    p.allowEmergencyBeforeApproval(),
                    v.createdAt(),
                    v.createdBy());
        }
    }

    @Inject
    PolicyService service;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRACTITIONER, Roles.SUPERVISOR, Roles.COMPLIANCE})
    public PolicyView get() {
        return PolicyView.of(service.current());
    }

    /** Every PUT is a new version; cases keep the version they were assessed under. */
    @PUT
    @RolesAllowed(Roles.ADMIN)
    public PolicyView put(@NotNull(message = "a JSON body is required") @Valid PolicyBody body) {
        Policy d = Policy.DEFAULT;
        return PolicyView.of(service.change(new Policy(
                or(body.requireImminenceForRiskToSelf(), d.requireImminenceForRiskToSelf()),
                or(body.requireConsultation(), d.requireConsultation()),
                body.partnerApprovalOrgs() == null
                        ? d.partnerApprovalOrgs()
                        : body.partnerApprovalOrgs().stream().distinct().toList(),
                or(body.allowEmergencyBeforeApproval(), d.allowEmergencyBeforeApproval()))));
    }

    private static boolean or(Boolean v, boolean otherwise) {
        return v == null ? otherwise : v;
    }
}
