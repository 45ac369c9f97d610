package org.confide.records.complaint.rule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.confide.records.complaint.ComplaintStatus;

/**
 * R-COMP-1 (seed 004): a client can complain about the work; the complaint is recorded and acknowledged, goes first to
 * the organisation's directors, and the client is told which outside bodies they may complain to. Plain Java.
 * <ul>
 * <li>A complaint has the client's own words (1 to {@link #MAX_TEXT} characters).</li>
 * <li>It is acknowledged before anything else happens to it; an outcome (RESOLVED, UPHELD, NOT_UPHELD) closes it;
 * a status is never gone back to.</li>
 * <li>The outside bodies are named, each with an http(s) address: at most {@link #MAX_BODIES}.</li>
 * </ul>
 */
public final class ComplaintRule {

    public static final String RULE = "R-COMP-1";
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_BODIES = 20;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 500;

    /** A refusal: 422 a field at fault, 409 the complaint's state; the field named. */
    public record Refusal(int status, String field, String message) {}

    /** An outside body as listed: a name and where to find it. */
    public record Body(String name, String url) {}

    /** The list as it will be kept (stripped, a repeated name dropped), or why it is refused. */
    public record Checked(List<Body> bodies, Optional<Refusal> refusal) {}

    public Optional<Refusal> fileRefusal(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new Refusal(422, "text", "say what the complaint is about, in your own words"));
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of(new Refusal(422, "text", "must be at most " + MAX_TEXT + " characters"));
        }
        return Optional.empty();
    }

    /** Why moving a complaint from {@code from} to {@code to} is refused; the same status again is no change. */
    public Optional<Refusal> transitionRefusal(ComplaintStatus from, ComplaintStatus to) {
        if (to == null) {
            return Optional.of(new Refusal(
                    422,
                    "status",
                    "give the new status: ACKNOWLEDGED, UNDER_REVIEW, RESOLVED," + " UPHELD or NOT_UPHELD"));
        }
        if (to == from) return Optional.empty();
        if (from.closed()) {
            return Optional.of(new Refusal(409, "status", "the complaint is closed (" + from + ")"));
        }
        if (to == ComplaintStatus.RECEIVED
                || (from == ComplaintStatus.UNDER_REVIEW && to == ComplaintStatus.ACKNOWLEDGED)) {
            return Optional.of(new Refusal(409, "status", "a complaint does not go back to " + to));
        }
        if (from == ComplaintStatus.RECEIVED && to != ComplaintStatus.ACKNOWLEDGED) {
            return Optional.of(new Refusal(409, "status", "a complaint is acknowledged to the client first"));
        }
        return Optional.empty();
    }

    /** The organisation's list of outside bodies, checked. */
    public Checked check(List<Body> bodies) {
        if (bodies == null) return refused("outsideBodies", "give the list (empty for none)");
        if (bodies.size() > MAX_BODIES) return refused("outsideBodies", "at most " + MAX_BODIES + " bodies");
        List<Body> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            Body b = bodies.get(i);
            String at = "outsideBodies[" + i + "]";
            if (b == null) return refused(at, "must be {name, url}");
            String name = b.name() == null ? "" : b.name().strip();
            if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                return refused(at + ".name", "a name of 1 to " + MAX_NAME + " characters, no control characters");
            }
            String url = b.url() == null ? "" : b.url().strip();
            if (!webAddress(url)) {
                return refused(at + ".url", "an absolute http or https address of at most " + MAX_URL + " characters");
            }
            if (names.add(name.toLowerCase(java.util.Locale.ROOT))) out.add(new Body(name, url));
        }
        return new Checked(List.copyOf(out), Optional.empty());
    }

    private static boolean webAddress(String url) {
        if (url.isEmpty()
                || url.length() > MAX_URL
                || url.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
            return false;
        }
        try {
            URI u = new URI(url);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Checked refused(String field, String message) {
        return new Checked(List.of(), Optional.of(new Refusal(422, field, message)));
    }
}
