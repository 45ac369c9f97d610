package org.confide.platform.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * docs/api.md "Input and errors", for every JSON body before it is bound: one JSON value and nothing after it but
 * whitespace, no NUL character in a name or a string (400 naming the field), and nested at most {@value #MAX_DEPTH}
 * levels. Only HTTP bodies pass here; events and stored JSON are read by the services' own mapper.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonBodyCheck implements ReaderInterceptor {

    /** No Confide body is deeper than a handful of levels; a deeper one is an attack on the parser. */
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        if (!isJson(ctx.getMediaType())) {
            return ctx.proceed();
        }
        byte[] body = ctx.getInputStream().readAllBytes();
        check(body);
        ctx.setInputStream(new ByteArrayInputStream(body));
        return ctx.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type == null
                || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().endsWith("+json");
    }

    /** Refuses the body with a {@link ProblemException} (400) if it breaks one of the rules above. */
    public static void check(byte[] body) {
        if (body.length == 0) {
            return;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            int depth = 0;
            while (true) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME, VALUE_STRING -> {
                        if (p.getText().indexOf(InputChecks.NUL) >= 0) {
                            throw ProblemException.badRequest(fieldOf(p.getParsingContext()), InputChecks.NUL_MESSAGE);
                        }
                    }
                    default -> {}
                }
                if (depth == 0) break;
                t = p.nextToken();
            }
            if (!nothingAfter(p)) {
                throw ProblemException.badRequest("body", "must be one JSON value with nothing after it");
            }
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw ProblemException.badRequest("body", "nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "malformed JSON");
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "unreadable");
        }
    }

    private static boolean nothingAfter(JsonParser p) throws IOException {
        try {
            return p.nextToken() == null;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The field a token belongs to, written as the problem mappers write it: {@code a.b[2].c}. */
    static String fieldOf(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName().replace(InputChecks.NUL, '?'));
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!sb.isEmpty() && !part.startsWith("[")) sb.append('.');
            sb.append(part);
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
