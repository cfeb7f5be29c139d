package io.leadplatform.scoring.model;

/** What one rule added to a score: {@code axis} is {@code fit} or {@code engagement}. */
public record Contribution(String rule, String axis, double points) {
}
