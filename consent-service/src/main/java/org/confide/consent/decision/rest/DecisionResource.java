package org.confide.consent.decision.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.consent.decision.rest.DecisionDtos.DecisionRequest;
import org.confide.consent.decision.rest.DecisionDtos.DecisionView;
import org.confide.consent.decision.rule.DecisionRule.Outcome;
import org.confide.consent.decision.rule.GroupDecisionRule.GroupOutcome;
import org.confide.consent.decision.service.DecisionCommands;
import org.confide.consent.decision.service.DecisionService;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /consent-decisions}: PERMIT or DENY with its reason (R-CONF-1; for groups R-CONF-3). Managers, services, and
 * practitioners: for a client only the allocated one or a facilitator of its group (403 R-REC-1, checked by the service).
 */
@Tag(
        name = "Decisions",
        description = "May this be shared? PERMIT or DENY from the consents on record, each decision recorded.")
@Path("/consent-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    DecisionService service;

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER, Roles.SERVICE})
    @Refusal(status = 422, when = "exactly one of clientId and groupId is required")
    @Refusal(status = 404, when = "a client or group this service has not heard of")
    @Refusal(
            status = 503,
            when = "the event broker did not acknowledge the decision's record within the deadline: no decision")
    public DecisionView decide(@NotNull(message = "a JSON body is required") @Valid DecisionRequest body) {
        boolean client = body.clientId() != null && !body.clientId().isBlank();
        boolean group = body.groupId() != null && !body.groupId().isBlank();
        if (client == group) {
            throw ProblemException.unprocessable(
                    null,
                    client ? "groupId" : "clientId",
                    client
                            ? "give clientId or groupId, not both"
                            : "clientId (or groupId for a group's matter) is required");
        }
        if (client) {
            Outcome o = service.decideForClient(new DecisionCommands.ForClient(
                    body.clientId(), body.recipientType(), body.recipientOrgId(), body.category(), body.purpose()));
            return new DecisionView(o.decision(), o.consentId(), o.reason(), null);
        }
        GroupOutcome o = service.decideForGroup(new DecisionCommands.ForGroup(
                body.groupId(), body.recipientType(), body.recipientOrgId(), body.category(), body.purpose()));
        return new DecisionView(o.decision(), null, o.reason(), o.missingMembers());
    }
}
