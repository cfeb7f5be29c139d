package io.leadplatform.sla.domain;

public enum ClockStatus {
    RUNNING,
    MET,
    BREACHED,
    /** The assignment ended (reassigned or superseded) before the clock was met or breached. */
    CANCELLED
}
