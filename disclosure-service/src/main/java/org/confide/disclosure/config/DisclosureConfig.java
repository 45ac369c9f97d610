package org.confide.disclosure.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** disclosure-service settings, under {@code confide.disclosure.*}. */
@ConfigMapping(prefix = "confide.disclosure")
public interface DisclosureConfig {

    /** The call to consent-service's {@code POST /consent-decisions} (fail closed: any failure is "not consented"). */
    Consent consent();

    interface Consent {
        /** Base URL of consent-service (env {@code CONFIDE_CONSENT_URL}). */
        @WithDefault("http://127.0.0.1:8081")
        String url();

        /** Longest wait for all of one assessment's answers; anything later counts as not consented. */
        @WithDefault("PT2S")
        Duration timeout();

        /**
         * PEM (PKCS#8) private key, trusted by consent-service, to sign a short-lived service token ({@code groups: [service]},
         * the caller's {@code org}) for each call (env {@code CONFIDE_SERVICE_SIGNING_KEY}). Absent: the caller's own token is
         * forwarded, which consent-service accepts from every staff role.
         */
        Optional<String> serviceSigningKey();

        /** The issuer of the service tokens (must match what consent-service verifies). */
        @WithDefault("https://confide.local")
        String serviceTokenIssuer();
    }
}
