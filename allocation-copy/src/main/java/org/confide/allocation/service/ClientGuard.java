package org.confide.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.repository.ClientAllocation;
import org.confide.events.access.ClientAccessRule;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;

/**
 * The access check of consent-service and disclosure-service, from the local allocation copy (docs/api.md conventions):
 * a client unknown here or of another organisation is 404; otherwise records-service's {@link ClientAccessRule} decides
 * (R-REC-1: managers and services for every client, a practitioner for the clients allocated to them or in a group they
 * facilitate), else 403.
 */
@ApplicationScoped
public class ClientGuard {

    private final ClientAccessRule rule = new ClientAccessRule();

    @Inject
    AllocationRepository allocations;

    @Inject
    Caller caller;

    public ClientAllocation require(String clientId) {
        ClientAllocation a =
                allocations.inOrg(caller.org(), clientId).orElseThrow(() -> ProblemException.notFound("client"));
        if (!mayAct(a)) {
            throw new ProblemException(
                    403, "Forbidden", "you are not allocated to this client", ClientAccessRule.RULE, null);
        }
        return a;
    }

    public boolean mayAct(ClientAllocation a) {
        return mayAct(a.org, a.clientId, a.practitionerId);
    }

    /** The rule for a client of {@code org} already found, whose allocated practitioner the caller has read. */
    public boolean mayAct(String org, String clientId, String allocatedPractitionerId) {
        return rule.mayAct(
                caller.roles(),
                caller.subject(),
                allocatedPractitionerId,
                () -> allocations.facilitatesGroupOf(org, clientId, caller.subject()));
    }
}
