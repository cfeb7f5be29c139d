package io.leadplatform.routing.rest;

import java.util.List;
import java.util.UUID;

public record QueueView(UUID id, String name, String owningOrg, String purpose, String strategy,
        List<Member> members) {

    public record Member(String username, String role, boolean active, int position) {
    }
}
