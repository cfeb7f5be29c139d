package io.leadplatform.scoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new model version, stored as a draft once every rule of its definition compiles (see README). */
public record ModelRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, . _ - only")
        String version,
        @Size(max = 2000) String description,
        @NotNull JsonNode definition) {
}
