package org.confide.disclosure.policy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.confide.disclosure.assessment.rule.Policy;
import org.confide.disclosure.policy.PolicyVersion;
import org.confide.disclosure.policy.repository.PolicyRepository;
import org.confide.events.DisclosureEvents;
import org.confide.platform.auth.Caller;
import org.confide.platform.outbox.Outbox;

/** The organisation's disclosure policy (R-BRK-6, R-PROC-2, R-REF-2): each change a new version, announced by policy.changed. */
@ApplicationScoped
@Transactional
public class PolicyService {

    /** A policy version in force: version 0 is the default of an organisation that never set one. */
    public record Versioned(int version, Policy policy, OffsetDateTime createdAt, String createdBy) {}

    @Inject
    PolicyRepository policies;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    public Versioned current() {
        return policies.latest(caller.org()).map(this::versioned).orElse(new Versioned(0, Policy.DEFAULT, null, null));
    }

    public Versioned change(Policy p) {
        String org = caller.org();
        policies.lockOrg(org);
        int next = policies.latest(org).map(v -> v.version + 1).orElse(1);
        PolicyVersion v = new PolicyVersion();
        v.org = org;
        v.version = next;
        v.requireImminenceForRiskToSelf = p.requireImminenceForRiskToSelf();
        v.requireConsultation = p.requireConsultation();
        v.partnerApprovalOrgs = json(p.partnerApprovalOrgs());
        v.allowEmergencyBeforeApproval = p.allowEmergencyBeforeApproval();
        v.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        v.createdBy = caller.subject();
        policies.persist(v);

        outbox.emit(new DisclosureEvents.PolicyChanged(
                next,
                p.requireImminenceForRiskToSelf(),
                p.requireConsultation(),
                p.partnerApprovalOrgs(),
                p.allowEmergencyBeforeApproval(),
                "R-BRK-6"));
        return versioned(v);
    }

    private Versioned versioned(PolicyVersion v) {
        try {
            List<String> orgs = mapper.readValue(v.partnerApprovalOrgs, new TypeReference<List<String>>() {});
            return new Versioned(
                    v.version,
                    new Policy(
                            v.requireImminenceForRiskToSelf,
                            v.requireConsultation,
                            orgs,
                            v.allowEmergencyBeforeApproval),
                    v.createdAt,
                    v.createdBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy unreadable", e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
