package io.leadplatform.scoring.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

public record ModelView(UUID id, String name, String version, String status, String description,
        JsonNode definition, String createdBy, Instant createdAt, Instant activatedAt) {
}
