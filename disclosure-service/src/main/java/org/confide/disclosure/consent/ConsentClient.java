package org.confide.disclosure.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.confide.disclosure.config.DisclosureConfig;
import org.confide.platform.auth.Caller;
import org.confide.platform.config.PlatformConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one synchronous call of disclosure-service (docs/architecture.md): consent-service's decisions, fail closed, with the case
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

    @Inject
    Clock clock;

    private ConsentDecisions decisions;
    private ServiceTokens serviceTokens;

    @PostConstruct
    void init() {
        decisions =
                new ConsentDecisions(config.consent().url(), config.consent().timeout(), mapper);
        serviceTokens = config.consent()
                .serviceSigningKey()
                .map(k -> new ServiceTokens(
                        ServiceTokens.load(Path.of(k)),
                        config.consent().serviceTokenIssuer(),
                        platform.serviceName(),
                        clock))
                .orElse(null);
    }

    public List<ConsentAnswer> ask(List<ConsentDecisions.Question> questions, String correlationId) {
        if (questions.isEmpty()) return List.of();
        return decisions.ask(questions, token(), correlationId);
    }

    /** A service token for the caller's organisation when a key is configured, else the caller's own token. */
    private String token() {
        return serviceTokens == null ? jwt.getRawToken() : serviceTokens.mint(caller.org());
    }
}
