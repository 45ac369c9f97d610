package org.confide.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;

/**
 * Applies {@link Idempotent}: reserve the caller's key, run the request once, remember its status and the created
 * resource's id; a replay reads that resource again with the replaying caller (docs/api.md).
 */
@Idempotent(reread = "")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Map<Method, Reread> REREADS = new ConcurrentHashMap<>();

    @Inject
    IdempotencyStore store;

    @Inject
    IdempotencySecret secret;

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
        Reread reread = reread(ctx.getMethod());
        String org = caller.org();
        String sub = caller.subject();
        String route = request.method().name() + " " + request.path();
        byte[] mac = secret.mac(route, mapper.writeValueAsBytes(ctx.getParameters()));
        switch (store.reserve(org, sub, key, route, mac)) {
            case IdempotencyStore.Replay replay -> {
                Response.ResponseBuilder r = Response.status(replay.status())
                        .type(MediaType.APPLICATION_JSON)
                        .entity(reread.read(ctx.getTarget(), ctx.getParameters(), replay.resourceId()));
                if (replay.location() != null) r.header(HttpHeaders.LOCATION, replay.location());
                return r.build();
            }
            case IdempotencyStore.Mismatch m ->
                throw ProblemException.conflict(null, "Idempotency-Key was already used with a different request");
            case IdempotencyStore.InProgress p ->
                throw ProblemException.conflict(
                        null, "a request with this Idempotency-Key is still in progress; retry shortly");
            case IdempotencyStore.Reserved r -> {
                try {
                    Response response = (Response) ctx.proceed();
                    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
                    store.complete(
                            org,
                            sub,
                            key,
                            response.getStatus(),
                            reread.idOf(mapper, response.getEntity()),
                            location == null ? null : location.toString());
                    return response;
                } catch (Exception | Error e) {
                    store.release(org, sub, key);
                    throw e;
                }
            }
        }
    }

    /** How {@code post}'s resource is read again; thrown when its {@link Idempotent#reread()} names no fitting method. */
    static Reread reread(Method post) {
        return REREADS.computeIfAbsent(post, Reread::of);
    }

    /** How one idempotent POST's resource is read again: the resource's reread method and where the id is. */
    record Reread(Method method, int[] pathParams, String idProperty) {

        static Reread of(Method post) {
            Idempotent idempotent = post.getAnnotation(Idempotent.class);
            if (idempotent == null || idempotent.reread().isEmpty()) {
                throw new IllegalStateException("@Idempotent on " + post + " must name its reread method");
            }
            List<Integer> paths = new ArrayList<>();
            Annotation[][] annotations = post.getParameterAnnotations();
            for (int i = 0; i < annotations.length; i++) {
                if (Arrays.stream(annotations[i]).anyMatch(a -> a instanceof PathParam)) paths.add(i);
            }
            Class<?>[] types = new Class<?>[paths.size() + 1];
            Arrays.fill(types, String.class);
            Method method;
            try {
                method = post.getDeclaringClass().getDeclaredMethod(idempotent.reread(), types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(
                        "@Idempotent on " + post + " names " + idempotent.reread() + ", but "
                                + post.getDeclaringClass().getSimpleName() + " has no such method taking "
                                + types.length
                                + " Strings (its path parameters, then the created resource's id)",
                        e);
            }
            method.setAccessible(true);
            return new Reread(method, paths.stream().mapToInt(Integer::intValue).toArray(), idempotent.id());
        }

        Object read(Object resource, Object[] postParameters, String resourceId) throws Exception {
            Object[] args = new Object[pathParams.length + 1];
            for (int i = 0; i < pathParams.length; i++) args[i] = postParameters[pathParams[i]];
            args[pathParams.length] = resourceId;
            try {
                return method.invoke(resource, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) throw cause;
                if (e.getCause() instanceof Error error) throw error;
                throw e;
            }
        }

        String idOf(ObjectMapper mapper, Object entity) {
            JsonNode id = entity == null ? null : mapper.valueToTree(entity).get(idProperty);
            if (id == null || id.isNull()) {
                throw new IllegalStateException(
                        "the response of an @Idempotent POST has no " + idProperty + " to reread");
            }
            return id.asText();
        }
    }
}
