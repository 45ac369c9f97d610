package org.confide.disclosure.assessment;

/** R-BRK-4: the child's (or vulnerable person's) relationship to the alleged abuser, recorded with the concern. */
public enum AbuserRelationship {
    PARENT,
    STEP_PARENT,
    PARENTS_PARTNER,
    CARER,
    SIBLING,
    OTHER_RELATIVE,
    PROFESSIONAL,
    OTHER_KNOWN_ADULT,
    PEER,
    STRANGER,
    UNKNOWN
}
