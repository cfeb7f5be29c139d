package io.leadplatform.sla.domain;

/** What a clock measures: one handoff each. */
public enum ClockType {
    /** System delay: capture to assignment (through qualification), on the platform's side. */
    SYSTEM_DELAY,
    /** Human delay: assignment to the assignee's first touch. */
    FIRST_TOUCH,
    /** Human delay: assignment to the assignee's acceptance. */
    ACCEPT,
    /** The XDR to AE handoff: handed off to accepted by the AE. */
    AE_ACCEPT
}
