package org.confide.audit.witness.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.confide.audit.checkpoint.repository.CheckpointRepository;
import org.confide.audit.config.AuditConfig;
import org.confide.audit.witness.repository.CosignatureRepository;
import org.confide.auditlog.checkpoint.Cosignature;
import org.jboss.logging.Logger;

/**
 * Sends each new checkpoint to the witnesses of {@code CONFIDE_AUDIT_WITNESSES} (C2SP tlog-witness add-checkpoint)
 * with a consistency proof from the last size that witness cosigned, and keeps the cosignatures that verify with the
 * witness's key. A witness that holds another size answers 409 with it: the request is made once more from there. A
 * witness that refuses (a rewritten log has no consistency proof) or is unreachable leaves the checkpoint without its
 * cosignature; the next checkpoint tries again.
 */
@ApplicationScoped
public class WitnessSender {

    private static final Logger LOG = Logger.getLogger(WitnessSender.class);

    @Inject
    AuditConfig config;

    @Inject
    WitnessStore store;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile List<Configured> witnesses;

    /** One configured witness: where add-checkpoint is, and its key. */
    record Configured(URI addCheckpoint, Cosignature.WitnessKey key) {}

    /** Parses {@code "<submission URL prefix> <witness verifier key>"}. */
    static Configured parse(String entry) {
        String[] parts = entry.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "a witness of CONFIDE_AUDIT_WITNESSES reads \"<URL> <witness key>\": " + entry);
        }
        return new Configured(
                URI.create(parts[0].replaceAll("/+$", "") + "/add-checkpoint"), Cosignature.parseWitnessKey(parts[1]));
    }

    List<Configured> witnesses() {
        List<Configured> w = witnesses;
        if (w == null) {
            w = config.witnesses().orElse(List.of()).stream()
                    .filter(s -> !s.isBlank())
                    .map(WitnessSender::parse)
                    .toList();
            witnesses = w;
        }
        return w;
    }

    /** Sends a checkpoint just signed to every witness; never throws. */
    public void send(CheckpointRepository.Row cp) {
        for (Configured w : witnesses()) {
            try {
                sendOne(cp, w);
            } catch (Exception e) {
                LOG.warnf(
                        "witness %s did not cosign checkpoint %d of %s: %s",
                        w.key().name(), cp.treeSize(), cp.org(), e.toString());
            }
        }
    }

    private void sendOne(CheckpointRepository.Row cp, Configured w) throws Exception {
        long old = store.lastCosigned(cp.org(), w.key().name());
        for (int attempt = 0; attempt < 2; attempt++) {
            if (old > cp.treeSize()) {
                LOG.warnf(
                        "witness %s holds %s at size %d, beyond checkpoint %d",
                        w.key().name(), cp.org(), old, cp.treeSize());
                return;
            }
            List<byte[]> proof =
                    old == 0 || old == cp.treeSize() ? List.of() : store.proof(cp.org(), old, cp.treeSize());
            StringBuilder body = new StringBuilder("old ").append(old).append('\n');
            for (byte[] h : proof)
                body.append(Base64.getEncoder().encodeToString(h)).append('\n');
            body.append('\n').append(cp.note());
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(w.addCheckpoint())
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            switch (r.statusCode()) {
                case 200 -> {
                    String text = cp.note().substring(0, cp.note().indexOf("\n\n") + 1);
                    List<Cosignature.Verified> good = Cosignature.verify(text, r.body(), List.of(w.key()));
                    if (good.isEmpty()) {
                        LOG.warnf(
                                "witness %s answered checkpoint %d of %s without a cosignature of its key",
                                w.key().name(), cp.treeSize(), cp.org());
                    }
                    for (Cosignature.Verified v : good) {
                        store.store(new CosignatureRepository.Row(
                                cp.org(),
                                cp.treeSize(),
                                v.witness(),
                                v.keyId(),
                                OffsetDateTime.ofInstant(Instant.ofEpochSecond(v.timestamp()), ZoneOffset.UTC),
                                v.line()));
                    }
                    return;
                }
                case 409 -> old = Long.parseLong(r.body().strip());
                case 404 -> {
                    LOG.debugf("witness %s does not witness %s", w.key().name(), cp.org());
                    return;
                }
                default -> {
                    LOG.warnf(
                            "witness %s refused checkpoint %d of %s: %d %s",
                            w.key().name(),
                            cp.treeSize(),
                            cp.org(),
                            r.statusCode(),
                            r.body().strip());
                    return;
                }
            }
        }
    }
}
