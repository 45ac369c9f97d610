package org.confide.disclosure.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.confide.disclosure.config.DisclosureConfig;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.config.PlatformConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one synchronous call of disclosure-service (ARCHITECTURE.md): consent-service's decisions, fail closed, with the case
 * id as correlation id so that the consent decisions appear in the case's audit trail.
 */
@ApplicationScoped
public class ConsentClient {

    @Inject
    DisclosureConfig config;

    @Inject
    PlatformConfig platform;

    @Inject
    ObjectMapper mapper;

    @Inject
    JsonWebToken jwt;

    @Inject
    Caller caller;

    private ConsentDecisions decisions;
    private PrivateKey signingKey;

    @PostConstruct
    void init() {
        decisions = new ConsentDecisions(config.consent().url(), config.consent().timeout(), mapper);
        signingKey = config.consent().serviceSigningKey().map(ConsentClient::load).orElse(null);
    }

    public List<ConsentAnswer> ask(List<ConsentDecisions.Question> questions, String correlationId) {
        if (questions.isEmpty()) return List.of();
        return decisions.ask(questions, token(), correlationId);
    }

    /** A service token for the caller's organisation when a key is configured, else the caller's own token. */
    private String token() {
        if (signingKey == null) return jwt.getRawToken();
        return Jwt.issuer(config.consent().serviceTokenIssuer()).subject(platform.serviceName())
                .groups(Set.of(Roles.SERVICE)).claim(Caller.ORG_CLAIM, caller.org())
                .expiresIn(60).jws().sign(signingKey);
    }

    private static PrivateKey load(String location) {
        try {
            String pem = Files.readString(Path.of(location)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("confide.disclosure.consent.service-signing-key is not a readable PKCS#8 RSA key", e);
        }
    }
}
