package io.leadplatform.routing.domain;

/** The member a queue handed the next lead to, and the round-robin slot that chose them. */
public record MemberPick(QueueMember member, long cursor, int slot, int activeMembers, String reason) {
}
