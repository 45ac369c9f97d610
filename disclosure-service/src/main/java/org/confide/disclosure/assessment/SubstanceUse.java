package org.confide.disclosure.assessment;

import java.util.List;

/**
 * R-BRK-13: the risk factors of a parent or carer using substances while caring for children (seed 004 "Child
 * protection": substance, amount, protective factors, mental health, behaviour while under the influence, age of the
 * children), as codes and numbers only, and whether the assessment found a risk to a child.
 *
 * @param childrenAges     the children's ages in years
 * @param riskToChildFound the practitioner's finding after assessing the factors; only true makes it a child-protection case
 */
public record SubstanceUse(
        Substance substance,
        Amount amount,
        List<ProtectiveFactor> protectiveFactors,
        MentalHealth mentalHealth,
        List<Behaviour> behaviours,
        List<Integer> childrenAges,
        Boolean riskToChildFound) {

    public SubstanceUse {
        protectiveFactors = protectiveFactors == null ? List.of() : List.copyOf(protectiveFactors);
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
    }

    public enum Substance {
        ALCOHOL,
        CANNABIS,
        OPIOIDS,
        STIMULANTS,
        BENZODIAZEPINES,
        PRESCRIBED_MEDICATION,
        OTHER,
        UNKNOWN
    }

    public enum Amount {
        OCCASIONAL,
        REGULAR,
        DAILY,
        DEPENDENT,
        UNKNOWN
    }

    public enum ProtectiveFactor {
        OTHER_SOBER_CARER,
        FAMILY_SUPPORT,
        IN_TREATMENT,
        CHILDCARE_WHILE_USING,
        NONE
    }

    public enum MentalHealth {
        NO_CONCERN,
        CONCERN,
        SEVERE_CONCERN,
        UNKNOWN
    }

    /** Behaviour while under the influence. */
    public enum Behaviour {
        NO_CHANGE,
        DROWSY_OR_UNCONSCIOUS,
        AGGRESSIVE,
        NEGLECTS_CARE,
        DRIVES_WITH_CHILDREN,
        UNKNOWN
    }

    /** Only a finding of risk makes this a child-protection case (R-BRK-13 then R-BRK-4). */
    public boolean riskFound() {
        return Boolean.TRUE.equals(riskToChildFound);
    }
}
