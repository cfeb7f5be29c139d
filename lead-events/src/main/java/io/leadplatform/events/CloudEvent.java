package io.leadplatform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code subject} is the lead id.
 */
public record CloudEvent<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    public static <T> CloudEvent<T> of(String source, String type, UUID subject, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID(), source, type,
                subject == null ? null : subject.toString(), time, CONTENT_TYPE, data);
    }
}
