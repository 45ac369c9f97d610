package org.confide.platform.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.confide.platform.problem.ProblemException;

/**
 * Free text about a client, as a service that learns of its clients from events keeps it (R-REC-3): sealed with the
 * client's own key (made on first use), so that destroying the key destroys the text, in every backup too. Once the
 * key is gone the text reads as absent; what stays readable are ids, codes, dates and rule ids.
 */
@ApplicationScoped
@IfBuildProperty(name = "confide.crypto.enabled", stringValue = "true")
public class ClientText {

    @Inject
    ClientKeys keys;

    @Inject
    ObjectMapper mapper;

    /** A JSON document split in two: its codes in plain JSON, its free-text fields sealed (null when it has none). */
    public record Split(String plain, byte[] sealed) {}

    /** The text sealed for {@code clientId}; 409 (R-REC-3) when the client has been destroyed. Null stays null. */
    public byte[] seal(String clientId, String field, String text) {
        if (text == null) return null;
        try {
            return keys.sealMakingKey(clientKey(clientId), field, text);
        } catch (KeyVault.Destroyed destroyed) {
            throw ProblemException.conflict(
                    "R-REC-3", "the client's record has been destroyed; nothing more is kept about them");
        }
    }

    // Client ids come from records-service (UUIDs); anything else names no client this service knows.
    private static UUID clientKey(String clientId) {
        try {
            return UUID.fromString(clientId);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("client");
        }
    }

    /** The text, or null when there is none or the client's key has been destroyed. */
    public String open(String clientId, String field, byte[] sealed) {
        if (sealed == null) return null;
        try {
            return keys.open(UUID.fromString(clientId), field, sealed);
        } catch (FieldCipher.Unreadable gone) {
            return null;
        }
    }

    /**
     * Moves every member named in {@code textFields}, at any depth, out of {@code document} into a sealed part (keyed by
     * JSON pointer), so that the plain part holds only ids, codes and dates.
     */
    public Split split(String clientId, String field, Object document, Set<String> textFields) {
        JsonNode plain = mapper.valueToTree(document);
        ObjectNode text = mapper.createObjectNode();
        strip(plain, "", textFields, text);
        try {
            return new Split(
                    mapper.writeValueAsString(plain),
                    text.isEmpty() ? null : seal(clientId, field, mapper.writeValueAsString(text)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document of {@link #split}, its free text put back while the client's key exists. */
    public JsonNode join(String clientId, String field, String plain, byte[] sealed) {
        try {
            JsonNode doc = mapper.readTree(plain);
            String text = open(clientId, field, sealed);
            if (text != null) {
                Iterator<Map.Entry<String, JsonNode>> it = mapper.readTree(text).fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int slash = e.getKey().lastIndexOf('/');
                    JsonNode parent = doc.at(e.getKey().substring(0, slash));
                    if (parent instanceof ObjectNode o)
                        o.set(unescape(e.getKey().substring(slash + 1)), e.getValue());
                }
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document unreadable", e);
        }
    }

    private static void strip(JsonNode node, String pointer, Set<String> textFields, ObjectNode text) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = pointer + "/" + escape(e.getKey());
                if (textFields.contains(e.getKey()) && e.getValue().isTextual()) {
                    text.set(at, e.getValue());
                    it.remove();
                } else {
                    strip(e.getValue(), at, textFields, text);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) strip(a.get(i), pointer + "/" + i, textFields, text);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String name) {
        return name.replace("~1", "/").replace("~0", "~");
    }
}
