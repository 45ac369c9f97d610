package org.confide.platform.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker as seen by readiness: always UP, with {@code kafka: UP} or {@code kafka: DOWN} and {@code degraded: true}.
 * Writes go through the outbox and wait there while the broker is away (docs/api.md "Events"), and the
 * audit API reads its own database, so a Kafka outage must not take a service out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    /** A probe answers within this (readiness probes time out after a few seconds). */
    static final long PROBE_MILLIS = 1500;
    /** Probes of the last moment share one answer, so a busy prober does not hammer the broker. */
    static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    private AdminClient admin;
    private volatile boolean lastUp;
    private volatile long lastAt;

    @Override
    public HealthCheckResponse call() {
        boolean up = brokerAnswers();
        return HealthCheckResponse.named("Kafka (events wait in the outbox while it is down)")
                .up()
                .withData("kafka", up ? "UP" : "DOWN")
                .withData("degraded", !up)
                .build();
    }

    private synchronized boolean brokerAnswers() {
        if (lastAt != 0 && System.nanoTime() - lastAt < CACHE_NANOS) return lastUp;
        boolean up;
        try {
            up = !admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_MILLIS))
                    .nodes()
                    .get(PROBE_MILLIS + 500, TimeUnit.MILLISECONDS)
                    .isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
        } catch (Exception e) {
            up = false;
        }
        lastUp = up;
        lastAt = System.nanoTime();
        return up;
    }

    private AdminClient admin() {
        if (admin == null) {
            Properties p = new Properties();
            new HashMap<>(broker).forEach((k, v) -> p.put(k, String.valueOf(v)));
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
            // While the broker is away the client retries slowly instead of logging a reconnect every few ms.
            p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "1000");
            p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "10000");
            admin = AdminClient.create(p);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) admin.close(java.time.Duration.ofSeconds(2));
    }
}
