package org.confide.disclosure.assessment.rule;

import java.util.Map;

/** The short text of each docs/domain.md rule a disclosure decision can cite, so answers explain themselves. */
public final class RuleBook {

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry(
                    "R-CONF-1",
                    "Nothing about a client is given to anyone without the client's express permission, except under the R-BRK rules."),
            Map.entry(
                    "R-CONS-1",
                    "When a client consents to a disclosure, a record is kept: what, to whom, why, how, and that it was explained."),
            Map.entry("R-CONS-4", "Consent can be withdrawn at any time; withdrawal stops future disclosures."),
            Map.entry(
                    "R-CONS-5",
                    "Adults and young people of 16 and over are presumed to have capacity; capacity is decision-specific."),
            Map.entry(
                    "R-REF-2",
                    "A major decision affecting partner organisations needs support from a representative of each supporting organisation."),
            Map.entry("R-BRK-1", "Medical emergency: call emergency services at once."),
            Map.entry(
                    "R-BRK-2",
                    "High risk of suicide or of harming another person: break confidentiality with the person fully involved."),
            Map.entry(
                    "R-BRK-3",
                    "If the person refuses all support and there is serious risk to their life, the concern may still go to their GP or emergency services."),
            Map.entry(
                    "R-BRK-4",
                    "A third party, especially a child, in immediate danger or at risk of significant harm: confidentiality must be broken (Children Act 1989 s47)."),
            Map.entry(
                    "R-BRK-5",
                    "Illegal activity: no duty to report except terrorism; justified where it threatens safety, or for violent or sexually abusive acts."),
            Map.entry(
                    "R-BRK-6",
                    "Imminence: whether risk to self must be imminent, or chronic serious risk counts, is the organisation's policy."),
            Map.entry(
                    "R-BRK-7",
                    "Psychological distress alone does not justify a breach for an adult or young person able to consent: seek consent instead."),
            Map.entry(
                    "R-BRK-8",
                    "If a client cannot make decisions, the referrer, GP or other appropriate agencies may be contacted."),
            Map.entry(
                    "R-BRK-9",
                    "Violence, threats or damage against a volunteer by a client may be reported to the police by the project manager."),
            Map.entry(
                    "R-BRK-10",
                    "Disclosed regular abuse of a child or vulnerable person: discuss with the manager and refer to social services."),
            Map.entry("R-BRK-11", "A court order for disclosure is complied with, limited to what is relevant."),
            Map.entry(
                    "R-BRK-12",
                    "Serious harm includes harm to the public: the risk of a car accident or of the spread of serious disease, acute or chronic."),
            Map.entry(
                    "R-BRK-13",
                    "A parent using substances while caring for children is assessed, not reported automatically: only a risk to a child found brings in R-BRK-4, with the GP and family services."),
            Map.entry(
                    "R-PROC-1",
                    "The person is kept informed of every step and offered continuing support, unless telling them would raise the risk; the reason is recorded."),
            Map.entry(
                    "R-PROC-2",
                    "The decision is discussed with a professional worker or manager first; in an emergency the call is made first and reviewed afterwards."),
            Map.entry(
                    "R-PROC-3",
                    "Share the minimum necessary, with the right recipient, securely; record what, with whom, when, why and on whose decision."),
            Map.entry("R-PROC-4", "If the person refuses, no further action except under R-BRK-3 or R-BRK-4."));

    private RuleBook() {}

    public static String text(String ruleId) {
        String t = TEXTS.get(ruleId);
        if (t == null) throw new IllegalArgumentException("no text for rule " + ruleId);
        return t;
    }
}
