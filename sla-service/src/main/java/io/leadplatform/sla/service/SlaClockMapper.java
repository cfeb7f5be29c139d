package io.leadplatform.sla.service;

import io.leadplatform.sla.api.SlaClockView;
import io.leadplatform.sla.domain.SlaClock;

/** The one place a clock becomes its API view. */
public final class SlaClockMapper {

    private SlaClockMapper() {
    }

    public static SlaClockView view(SlaClock c) {
        return new SlaClockView(c.id, c.leadId, c.assignmentId, c.clockType.name(), c.policyVersion, c.owningOrg,
                c.queueName, c.assignee, c.channel, c.status.name(), c.calendarName, c.targetMs, c.startedAt, c.dueAt,
                c.warnAt, c.warnedAt, c.metAt, c.breachedAt, c.cancelledAt, c.pausedAt, c.pauseReason, c.remainingMs,
                c.touchedAt, c.touchWallMs, c.touchBusinessMs, c.systemDelayMs);
    }
}
