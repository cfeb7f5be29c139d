package io.leadplatform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of the wire format, shared by producers, consumers and the contract tests,
 * so that a service's own ObjectMapper settings cannot change what goes on the wire.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Consumers tolerate fields added by newer producers.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the envelope, keeping {@code data} as a tree until its type is known. */
    public static CloudEvent<JsonNode> readEnvelope(byte[] json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        CloudEvent<JsonNode> event = MAPPER.readerFor(
                MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, JsonNode.class)).readValue(node);
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new IOException("unsupported specversion " + event.specversion());
        }
        return event;
    }

    public static <T> T data(CloudEvent<JsonNode> event, Class<T> type) throws IOException {
        if (event.data() == null || event.data().isNull()) {
            throw new IOException("event " + event.id() + " has no data");
        }
        return MAPPER.treeToValue(event.data(), type);
    }
}
