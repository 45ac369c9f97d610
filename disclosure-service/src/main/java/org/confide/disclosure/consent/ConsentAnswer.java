package org.confide.disclosure.consent;

/**
 * consent-service's answer for one recipient and category, or the fail-closed stand-in when there was none.
 *
 * @param permitted true only for a well-formed PERMIT
 * @param checked   false when consent-service was down, slow or answered nonsense
 * @param reason    consent-service's reason code, or {@code CONSENT_UNAVAILABLE}
 */
public record ConsentAnswer(boolean permitted, boolean checked, String reason, String consentId) {

    public static final String UNAVAILABLE = "CONSENT_UNAVAILABLE";

    /** Fail closed (docs/api.md disclosure-service): no answer is "not consented". */
    public static ConsentAnswer unavailable() {
        return new ConsentAnswer(false, false, UNAVAILABLE, null);
    }

    /**
     * Both answers must permit (a group case, R-CONF-1 and R-CONF-3: the person's own consent and the group's): the first
     * that does not permit gives the reason; the client's consent id is kept.
     */
    public ConsentAnswer and(ConsentAnswer other) {
        ConsentAnswer refusing = !permitted ? this : other;
        return new ConsentAnswer(
                permitted && other.permitted,
                checked && other.checked,
                refusing.reason,
                consentId != null ? consentId : other.consentId);
    }
}
