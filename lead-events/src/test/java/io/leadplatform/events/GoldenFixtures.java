package io.leadplatform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Reads the golden event documents; shipped in the test-jar so producers' and consumers' tests share them. */
public final class GoldenFixtures {

    private GoldenFixtures() {
    }

    public static byte[] bytes(String type) {
        try (InputStream in = GoldenFixtures.class.getResourceAsStream("/fixtures/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden fixture for " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String type) {
        try {
            return EventJson.mapper().readTree(bytes(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The golden document of {@code type}, re-addressed to {@code leadId} with a fresh event id, as bytes to
     * publish. {@code dataChanges} may set further data fields (pairs of name and value).
     */
    public static byte[] instance(String type, UUID leadId, Object... dataChanges) {
        return instance(type, UUID.randomUUID(), leadId, dataChanges);
    }

    public static byte[] instance(String type, UUID eventId, UUID leadId, Object... dataChanges) {
        ObjectNode doc = (ObjectNode) tree(type);
        doc.put("id", eventId.toString());
        doc.put("subject", leadId.toString());
        ObjectNode data = (ObjectNode) doc.get("data");
        data.put("leadId", leadId.toString());
        for (int i = 0; i + 1 < dataChanges.length; i += 2) {
            data.set((String) dataChanges[i], EventJson.mapper().valueToTree(dataChanges[i + 1]));
        }
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static CloudEvent<JsonNode> envelope(String type) {
        try {
            return EventJson.readEnvelope(bytes(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T data(String type, Class<T> dataType) {
        try {
            return EventJson.data(envelope(type), dataType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
