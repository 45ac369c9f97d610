package org.confide.disclosure.assessment.service;

import static org.confide.platform.problem.Params.blankToNull;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.service.ClientGuard;
import org.confide.disclosure.assessment.rule.Assessment;
import org.confide.disclosure.assessment.rule.Concern;
import org.confide.disclosure.assessment.rule.OutcomeRule;
import org.confide.disclosure.assessment.rule.RecipientConsent;
import org.confide.disclosure.assessment.rule.RuleBook;
import org.confide.disclosure.assessment.rule.SubstanceUseRule;
import org.confide.disclosure.assessment.service.AssessmentViews.AssessmentView;
import org.confide.disclosure.assessment.service.AssessmentViews.CategoryAnswer;
import org.confide.disclosure.assessment.service.AssessmentViews.FindingView;
import org.confide.disclosure.assessment.service.AssessmentViews.RecipientView;
import org.confide.disclosure.assessment.service.AssessmentViews.RuleView;
import org.confide.disclosure.assessment.service.ConcernCommand.Recipient;
import org.confide.disclosure.consent.ConsentAnswer;
import org.confide.disclosure.consent.ConsentClient;
import org.confide.disclosure.consent.ConsentDecisions.Question;
import org.confide.disclosure.policy.service.PolicyService;
import org.confide.disclosure.policy.service.PolicyService.Versioned;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;

/**
 * Assesses a concern: access to the client, the policy in force, consent-service asked for every recipient and category
 * (fail closed), then the rules. Runs outside a transaction: no database connection is held while consent-service answers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class AssessmentService {

    private final OutcomeRule rule = new OutcomeRule();
    private final SubstanceUseRule substanceRule = new SubstanceUseRule();

    @Inject
    ClientGuard guard;

    @Inject
    AllocationRepository allocations;

    @Inject
    PolicyService policies;

    @Inject
    ConsentClient consent;

    @Inject
    Caller caller;

    /** An assessment with the policy version it was made under. */
    public record Evaluated(Assessment assessment, AssessmentView view, Versioned policy) {}

    /** A dry run: nothing is stored. */
    public Evaluated evaluate(ConcernCommand body, String correlationId) {
        return evaluate(body, correlationId, false);
    }

    /** {@code raising}: the concern becomes a case, which must record what R-BRK-13 asks for. */
    public Evaluated evaluate(ConcernCommand body, String correlationId, boolean raising) {
        substanceRule.invalid(body.concern(), raising).ifPresent(i -> {
            throw ProblemException.unprocessable("R-BRK-13", i.field(), i.message());
        });
        guard.require(body.clientId());
        String groupId = blankToNull(body.groupId());
        if (groupId != null && !allocations.groupExists(caller.org(), groupId)) {
            throw ProblemException.notFound("group");
        }
        Versioned policy = policies.current();
        Purpose purpose = body.purposeOrDefault();
        List<Recipient> recipients = body.proposedRecipients();
        List<Category> categories = body.categories().stream().distinct().toList();
        List<List<ConsentAnswer>> answers =
                answers(body.clientId(), groupId, recipients, categories, purpose, correlationId);

        List<RecipientConsent> consents = new ArrayList<>();
        List<RecipientView> views = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            List<ConsentAnswer> a = answers.get(i);
            boolean consented = a.stream().allMatch(ConsentAnswer::permitted);
            boolean checked = a.stream().allMatch(ConsentAnswer::checked);
            consents.add(new RecipientConsent(r.type(), r.name(), consented, checked));
            List<CategoryAnswer> perCategory = new ArrayList<>();
            for (int j = 0; j < categories.size(); j++) {
                perCategory.add(new CategoryAnswer(
                        categories.get(j),
                        a.get(j).permitted(),
                        a.get(j).reason(),
                        a.get(j).consentId()));
            }
            views.add(new RecipientView(
                    r.type(), blankToNull(r.name()), blankToNull(r.orgId()), consented, checked, perCategory));
        }
        Concern concern = body.concern();
        Assessment a = rule.assess(concern, policy.policy(), consents);
        return new Evaluated(a, view(a, views, policy.version(), purpose, concern), policy);
    }

    /**
     * For each recipient, one answer per category, in order. A concern raised in a group or network (groupId) is about the
     * person concerned, so their own consent is asked; and what was said in the room stays there unless the group consents
     * too (R-CONF-3), so the group's consent is asked as well and both must permit. No other member is ever named.
     */
    public List<List<ConsentAnswer>> answers(
            String clientId,
            String groupId,
            List<Recipient> recipients,
            List<Category> categories,
            Purpose purpose,
            String correlationId) {
        List<Question> questions = new ArrayList<>();
        for (Recipient r : recipients) {
            for (Category c : categories) {
                Question person =
                        new Question(clientId, null, r.type().name(), blankToNull(r.orgId()), c.name(), purpose.name());
                questions.add(person);
                if (groupId != null)
                    questions.add(new Question(
                            null,
                            groupId,
                            person.recipientType(),
                            person.recipientOrgId(),
                            person.category(),
                            person.purpose()));
            }
        }
        List<ConsentAnswer> flat = new ArrayList<>();
        for (Iterator<ConsentAnswer> asked =
                        consent.ask(questions, correlationId).iterator();
                asked.hasNext(); ) {
            ConsentAnswer own = asked.next();
            flat.add(groupId == null ? own : own.and(asked.next()));
        }
        List<List<ConsentAnswer>> out = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            out.add(flat.subList(i * categories.size(), (i + 1) * categories.size()));
        }
        return out;
    }

    static AssessmentView view(
            Assessment a, List<RecipientView> recipients, int policyVersion, Purpose purpose, Concern c) {
        return new AssessmentView(
                a.outcome(),
                a.groundsOutcome(),
                a.decidingRule(),
                a.rules().stream()
                        .map(id -> new RuleView(id, RuleBook.text(id)))
                        .toList(),
                recipients,
                a.requiredSteps(),
                a.consentChecked(),
                a.emergencyAllowed(),
                policyVersion,
                purpose,
                a.findings().stream()
                        .map(f -> new FindingView(f.ground(), f.outcome(), f.rules()))
                        .toList(),
                c.chosenContact(),
                c.abuserRelationship(),
                c.abuseTiming(),
                c.substanceUse());
    }
}
