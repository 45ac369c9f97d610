package org.confide.disclosure.cases.rule;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.confide.disclosure.cases.ShareMethod;
import org.confide.disclosure.cases.rule.WorkflowRule.Refusal;

/**
 * R-PROC-3: a share names its channel, and a channel that is not secure (plain email, an unsecured fax) is refused,
 * "except a phone call in an emergency": a call is not a secure channel, so it is allowed only for an emergency share.
 */
public final class ChannelRule {

    /** Channels that are not secure. */
    public static final Set<ShareMethod> INSECURE = EnumSet.of(ShareMethod.EMAIL, ShareMethod.FAX);

    public Optional<Refusal> channel(ShareMethod method, boolean emergency) {
        if (INSECURE.contains(method)) {
            return Refusal.invalid(
                    "R-PROC-3",
                    "method",
                    method + " is not a secure channel: use SECURE_PORTAL, SECURE_EMAIL, "
                            + "LETTER or IN_PERSON (PHONE in an emergency)");
        }
        if (method == ShareMethod.PHONE && !emergency) {
            return Refusal.invalid(
                    "R-PROC-3",
                    "method",
                    "a phone call is not a secure channel and is allowed only for an "
                            + "emergency share (emergency: true): use SECURE_PORTAL, SECURE_EMAIL, LETTER or IN_PERSON");
        }
        return Optional.empty();
    }
}
