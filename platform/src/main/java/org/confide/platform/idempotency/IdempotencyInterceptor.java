package org.confide.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;

/** Applies {@link Idempotent}: reserve the key, run the request once, remember its response. */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    IdempotencyStore store;

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest request;

    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String org = caller.org();
        String route = request.method().name() + " " + request.path();
        String hash = sha256(mapper.writeValueAsString(ctx.getParameters()));
        switch (store.reserve(org, key, route, hash)) {
            case IdempotencyStore.Replay replay -> {
                Response.ResponseBuilder r = Response.status(replay.status()).type(MediaType.APPLICATION_JSON)
                        .entity(replay.body());
                if (replay.location() != null) r.header(HttpHeaders.LOCATION, replay.location());
                return r.build();
            }
            case IdempotencyStore.Mismatch m ->
                    throw ProblemException.conflict(null, "Idempotency-Key was already used with a different request body");
            case IdempotencyStore.InProgress p ->
                    throw ProblemException.conflict(null, "a request with this Idempotency-Key is still in progress; retry shortly");
            case IdempotencyStore.Reserved r -> {
                try {
                    Response response = (Response) ctx.proceed();
                    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
                    store.complete(org, key, route, response.getStatus(), mapper.writeValueAsString(response.getEntity()),
                            location == null ? null : location.toString());
                    return response;
                } catch (Exception | Error e) {
                    store.release(org, key, route);
                    throw e;
                }
            }
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
