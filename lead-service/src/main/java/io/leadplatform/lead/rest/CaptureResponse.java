package io.leadplatform.lead.rest;

import java.util.UUID;

/** {@code merged} is true when the email matched an existing lead and the new facts were merged into it. */
public record CaptureResponse(UUID id, boolean merged) {
}
