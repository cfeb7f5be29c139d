package io.leadplatform.sla.domain;

/** What a clock measures. Only the assignment-to-first-touch clock exists so far. */
public enum ClockType {
    FIRST_TOUCH
}
