package org.confide.disclosure.cases.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.disclosure.assessment.rest.AssessmentDtos.ProposedRecipient;
import org.confide.disclosure.cases.CaseStep;
import org.confide.disclosure.cases.DisclosureCase;
import org.confide.disclosure.cases.rest.CaseDtos.CaseView;
import org.confide.disclosure.cases.rest.CaseDtos.StepView;
import org.confide.disclosure.cases.service.CaseService;
import org.confide.disclosure.cases.service.CaseService.Loaded;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** Maps cases and their steps to JSON views. */
@ApplicationScoped
public class CaseViews {

    @Inject
    ObjectMapper mapper;

    @Inject
    CaseService service;

    public CaseView one(Loaded l) {
        DisclosureCase c = l.c();
        List<JsonNode> involvements = new ArrayList<>();
        List<JsonNode> consultations = new ArrayList<>();
        List<JsonNode> shares = new ArrayList<>();
        JsonNode decision = null;
        JsonNode followUp = null;
        JsonNode closed = null;
        List<StepView> steps = new ArrayList<>();
        for (CaseStep s : l.steps()) {
            JsonNode data = service.stepData(c, s);
            steps.add(new StepView(s.kind, s.at, s.actorId, s.actorRole, data));
            ObjectNode entry = data.isObject() ? ((ObjectNode) data).deepCopy() : mapper.createObjectNode();
            entry.put("at", s.at.toString());
            entry.put("by", s.actorId);
            entry.put("byRole", s.actorRole);
            switch (s.kind) {
                case CLIENT_INVOLVED -> involvements.add(entry);
                case CONSULTED -> consultations.add(entry);
                case DECIDED -> decision = entry;
                case SHARED -> shares.add(entry);
                case FOLLOWED_UP -> followUp = entry;
                case CLOSED -> closed = entry;
                default -> {}
            }
        }
        return new CaseView(
                c.id,
                c.org,
                c.clientId,
                c.groupId,
                c.status,
                c.outcome,
                c.groundList(),
                c.immediacy,
                c.context,
                service.summary(c),
                recipients(c),
                c.categoryList(),
                c.clientAge,
                c.gillickCompetent,
                c.purpose,
                service.assessment(c),
                c.consentChecked,
                c.policyVersion,
                policy(c),
                c.raisedBy,
                c.raisedByRole,
                c.raisedAt,
                c.updatedAt,
                involvements,
                consultations,
                decision,
                shares,
                followUp,
                closed,
                steps,
                c.chosenContact,
                c.abuserRelationship,
                c.abuseTiming,
                service.substanceUse(c));
    }

    public Page<CaseView> page(List<DisclosureCase> rows, PageRequest page) {
        boolean more = rows.size() > page.limit();
        List<DisclosureCase> items = more ? rows.subList(0, page.limit()) : rows;
        Map<UUID, List<CaseStep>> steps =
                service.stepsOf(items.stream().map(c -> c.id).toList());
        List<CaseView> views = items.stream()
                .map(c -> one(new Loaded(c, steps.getOrDefault(c.id, List.of()))))
                .toList();
        return new Page<>(views, more ? PageRequest.encode(items.getLast().id.toString()) : null);
    }

    private List<ProposedRecipient> recipients(DisclosureCase c) {
        return service.recipients(c).stream()
                .map(r -> new ProposedRecipient(r.type(), r.name(), r.orgId()))
                .toList();
    }

    /** The policy version the case was assessed under, with its number. */
    private JsonNode policy(DisclosureCase c) {
        ObjectNode p = (ObjectNode) tree(c.policy);
        p.put("version", c.policyVersion);
        return p;
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
