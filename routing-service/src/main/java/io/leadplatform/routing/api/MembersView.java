package io.leadplatform.routing.api;

import java.util.List;
import java.util.UUID;

/** A queue's roster, with team-structure advice as warnings (never blocks). */
public record MembersView(UUID queueId, String queue, List<QueueView.Member> members, List<String> warnings) {
}
