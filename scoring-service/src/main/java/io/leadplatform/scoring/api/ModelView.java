package io.leadplatform.scoring.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A model version; {@code rescore} is the progress of re-scoring the stored leads since it was activated. */
public record ModelView(UUID id, String name, String version, String status, String description,
        JsonNode definition, String createdBy, Instant createdAt, Instant activatedAt, Rescore rescore) {

    public record Rescore(String status, Integer total, Integer done, Instant startedAt, Instant finishedAt) {
    }
}
