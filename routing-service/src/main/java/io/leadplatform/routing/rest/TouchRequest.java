package io.leadplatform.routing.rest;

import jakarta.validation.constraints.Pattern;

/** The body of a touch is optional; without a channel the configured default applies. */
public record TouchRequest(
        @Pattern(regexp = "call|email|meeting|linkedin", message = "must be call, email, meeting or linkedin")
        String channel) {
}
