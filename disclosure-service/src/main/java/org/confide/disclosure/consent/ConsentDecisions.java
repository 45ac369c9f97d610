package org.confide.disclosure.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Asks consent-service {@code POST /consent-decisions} for many (recipient, category) pairs at once, in parallel, within one
 * deadline. Fails closed: refused connection, timeout, a status other than 200, or a body that is not a PERMIT/DENY
 * decision all answer {@link ConsentAnswer#unavailable()}.
 */
public final class ConsentDecisions {

    private static final Logger LOG = Logger.getLogger(ConsentDecisions.class);
    private static final Set<String> DECISIONS = Set.of("PERMIT", "DENY");

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper mapper;

    /**
     * One question: for a client ({@code clientId}) or a group's matter ({@code groupId}), a recipient and a category.
     */
    public record Question(
            String clientId,
            String groupId,
            String recipientType,
            String recipientOrgId,
            String category,
            String purpose) {}

    public ConsentDecisions(String baseUrl, Duration timeout, ObjectMapper mapper) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/consent-decisions");
        this.timeout = timeout;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The answers, in the order of the questions; never throws. */
    public List<ConsentAnswer> ask(List<Question> questions, String bearerToken, String correlationId) {
        List<CompletableFuture<ConsentAnswer>> pending = new ArrayList<>();
        for (Question q : questions) {
            pending.add(send(q, bearerToken, correlationId));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsentAnswer> answers = new ArrayList<>();
        for (CompletableFuture<ConsentAnswer> f : pending) {
            long left = Math.max(0, deadline - System.nanoTime());
            ConsentAnswer a;
            try {
                a = f.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a = ConsentAnswer.unavailable();
            } catch (Exception slowOrFailed) {
                LOG.warnf(
                        "consent-service gave no answer in time (%s): not consented",
                        slowOrFailed.getClass().getSimpleName());
                f.cancel(true);
                a = ConsentAnswer.unavailable();
            }
            answers.add(a);
        }
        return answers;
    }

    private CompletableFuture<ConsentAnswer> send(Question q, String bearerToken, String correlationId) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            if (q.groupId() != null) body.put("groupId", q.groupId());
            else body.put("clientId", q.clientId());
            body.put("recipientType", q.recipientType());
            if (q.recipientOrgId() != null) body.put("recipientOrgId", q.recipientOrgId());
            body.put("category", q.category());
            body.put("purpose", q.purpose());
            HttpRequest.Builder req = HttpRequest.newBuilder(endpoint)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
            if (bearerToken != null) req.header("Authorization", "Bearer " + bearerToken);
            if (correlationId != null) req.header("X-Correlation-Id", correlationId);
            return http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(this::parse)
                    .exceptionally(e -> {
                        LOG.warnf(
                                "consent-service unreachable (%s): not consented",
                                e.getClass().getSimpleName());
                        return ConsentAnswer.unavailable();
                    });
        } catch (Exception e) {
            return CompletableFuture.completedFuture(ConsentAnswer.unavailable());
        }
    }

    ConsentAnswer parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            LOG.warnf("consent-service answered %d: not consented", response.statusCode());
            return ConsentAnswer.unavailable();
        }
        try {
            JsonNode json = mapper.readTree(response.body());
            JsonNode decision = json == null ? null : json.get("decision");
            if (decision == null || !decision.isTextual() || !DECISIONS.contains(decision.asText())) {
                LOG.warn("consent-service answered without a PERMIT/DENY decision: not consented");
                return ConsentAnswer.unavailable();
            }
            JsonNode reason = json.get("reason");
            JsonNode consentId = json.get("consentId");
            return new ConsentAnswer(
                    "PERMIT".equals(decision.asText()),
                    true,
                    reason != null && reason.isTextual() ? reason.asText() : null,
                    consentId != null && consentId.isTextual() ? consentId.asText() : null);
        } catch (Exception nonsense) {
            LOG.warn("consent-service answered something that is not JSON: not consented");
            return ConsentAnswer.unavailable();
        }
    }
}
