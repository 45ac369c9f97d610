package org.confide.records.notice.rule;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a referrer's notice (R-REF-1) is tried again, when it is given up (parked), and which webhook endpoints are
 * acceptable: an outage delays a notice, never drops it; a notice leaves the service only over HTTPS.
 */
public final class DeliveryRule {

    public static final String RULE = "R-REF-1";

    /** What an attempt leads to. */
    public enum Next {
        DELIVERED,
        RETRY,
        PARKED
    }

    /** After an attempt: delivered, or retried unless the notice has waited longer than {@code giveUpAfter}. */
    public Next after(boolean delivered, Instant createdAt, Instant now, Duration giveUpAfter) {
        if (delivered) return Next.DELIVERED;
        return Duration.between(createdAt, now).compareTo(giveUpAfter) >= 0 ? Next.PARKED : Next.RETRY;
    }

    /**
     * After an attempt that had a channel or had none: with neither webhook nor e-mail there is nothing an outage could
     * delay, so the notice is parked at once instead of retried (it stays listed for polling and shown to the partner
     * and the admin, and the partner retries it once it has registered a webhook).
     */
    public Next after(boolean delivered, boolean hadChannel, Instant createdAt, Instant now, Duration giveUpAfter) {
        if (!delivered && !hadChannel) return Next.PARKED;
        return after(delivered, createdAt, now, giveUpAfter);
    }

    /** The wait before attempt {@code attempts + 1}: doubling from {@code initial}, never above {@code max}. */
    public Duration backoff(int attempts, Duration initial, Duration max) {
        if (attempts <= 1) return initial.compareTo(max) > 0 ? max : initial;
        int doublings = Math.min(attempts - 1, 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }

    /**
     * Why a webhook URL is refused, if it is: it must be an absolute https URL with a host and no user info; plain
     * http only to 127.0.0.1 and only where {@code allowLoopbackHttp} (dev and test).
     */
    public Optional<String> urlRefusal(String url, boolean allowLoopbackHttp) {
        if (url == null || url.isBlank()) return Optional.of("is required");
        if (url.length() > 2000) return Optional.of("must be at most 2000 characters");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            return Optional.of("is not a URL");
        }
        if (uri.getHost() == null || uri.getScheme() == null) return Optional.of("must be an absolute URL with a host");
        if (uri.getUserInfo() != null) return Optional.of("must not carry a user name or password");
        if ("https".equalsIgnoreCase(uri.getScheme())) return Optional.empty();
        if ("http".equalsIgnoreCase(uri.getScheme()) && allowLoopbackHttp && "127.0.0.1".equals(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must be an https URL");
    }
}
