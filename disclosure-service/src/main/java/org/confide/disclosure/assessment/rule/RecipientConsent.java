package org.confide.disclosure.assessment.rule;

import org.confide.events.codes.RecipientType;

/**
 * What consent-service said about one proposed recipient, over every category proposed.
 *
 * @param consented true only when every category was PERMIT
 * @param checked   false when consent-service could not be asked or answered nonsense (then consented is false: fail closed)
 */
public record RecipientConsent(RecipientType type, String name, boolean consented, boolean checked) {}
