package io.leadplatform.sla.domain;

public enum ClockStatus {
    RUNNING,
    /** Stopped for now (e.g. waiting on the prospect); the business time left is kept for the resume. */
    PAUSED,
    MET,
    BREACHED,
    /** The assignment ended (reassigned or superseded) before the clock was met or breached. */
    CANCELLED
}
