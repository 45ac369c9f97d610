package org.confide.platform.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.problem.ProblemException;

/**
 * The access check of consent-service and disclosure-service, from the local allocation copy (docs/api.md conventions):
 * a client unknown here or of another organisation is 404; a practitioner not allocated to it is 403 (R-REC-1);
 * managers and services act for every client of their organisation.
 */
@ApplicationScoped
public class ClientGuard {

    @Inject
    AllocationRepository allocations;

    @Inject
    Caller caller;

    public ClientAllocation require(String clientId) {
        ClientAllocation a = allocations.inOrg(caller.org(), clientId)
                .orElseThrow(() -> ProblemException.notFound("client"));
        if (!mayAct(a)) {
            throw new ProblemException(403, "Forbidden", "you are not allocated to this client", "R-REC-1", null);
        }
        return a;
    }

    public boolean mayAct(ClientAllocation a) {
        if (caller.is(Roles.MANAGER) || caller.is(Roles.SERVICE)) {
            return true;
        }
        return caller.is(Roles.PRACTITIONER) && caller.subject().equals(a.practitionerId);
    }
}
