package org.confide.disclosure.cases.rule;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.confide.disclosure.cases.ShareMethod;
import org.confide.disclosure.cases.rule.WorkflowRule.Refusal;

/**
 * R-PROC-3: a share names its channel, and a channel that is not secure (plain email, an unsecured fax) is refused. A
 * phone call is the rule's exception for an emergency; this project counts a call to the recipient's known number as
 * secure at any time (docs/domain.md R-PROC-3), so it is never refused here.
 */
public final class ChannelRule {

    /** Channels that are not secure. */
    public static final Set<ShareMethod> INSECURE = EnumSet.of(ShareMethod.EMAIL, ShareMethod.FAX);

    public Optional<Refusal> channel(ShareMethod method) {
        if (INSECURE.contains(method)) {
            return Refusal.invalid("R-PROC-3", "method", method + " is not a secure channel: use SECURE_PORTAL, SECURE_EMAIL, "
                    + "LETTER, IN_PERSON or PHONE");
        }
        return Optional.empty();
    }
}
