package io.leadplatform.routing.api;

import java.util.List;

/** The queue's whole roster, in tie-break order; members left out become inactive (their history stays). */
public record MembersRequest(List<Member> members) {

    public record Member(String username, String role, Integer weight, Integer capacity, String workStart,
            String workEnd, String timeZone, List<QueueView.OutOfOffice> outOfOffice, String manager,
            Boolean carriesQuota, List<String> workDays) {
    }
}
