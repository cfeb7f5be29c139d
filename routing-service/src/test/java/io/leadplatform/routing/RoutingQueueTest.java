package io.leadplatform.routing;

import io.leadplatform.routing.domain.MemberSelector;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.RoutingQueue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Member selection as pure logic: the strategies, skipping and the reasons the ledger records. */
class RoutingQueueTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void roundRobinRotatesInPositionOrder() {
        RoutingQueue queue = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "cara", "abe", "bo");
        queue.members = new ArrayList<>(queue.members.reversed());

        assertThat(pick(queue, 9)).containsExactly("cara", "abe", "bo", "cara", "abe", "bo", "cara", "abe", "bo");
        assertThat(queue.rrCursor).isEqualTo(9);
    }

    @Test
    void everyActiveMemberGetsTheSameShareOverManyLeads() {
        RoutingQueue queue = RoutingSetups.queue("outbound-bdr", OwningOrg.SALES, "xavier", "yuri");

        assertThat(shares(pick(queue, 1000))).containsOnly(Map.entry("xavier", 500L), Map.entry("yuri", 500L));
    }

    @Test
    void roundRobinCatchesUpAMemberWhoWasAwayInsteadOfRestartingTheRotation() {
        RoutingQueue queue = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "a", "b", "c");
        queue.members.get(1).active = false;
        assertThat(pick(queue, 4)).containsExactly("a", "c", "a", "c");

        queue.members.get(1).active = true;
        queue.members.get(1).assignedCount = 1;
        assertThat(pick(queue, 4)).containsExactly("b", "a", "b", "c");
    }

    @Test
    void weightedFollowsTheWeights() {
        RoutingQueue queue = RoutingSetups.queue("q", OwningOrg.SALES, "heavy", "light");
        queue.strategy = RoutingQueue.Strategy.WEIGHTED;
        queue.members.get(0).weight = 3;

        assertThat(shares(pick(queue, 400))).containsOnly(Map.entry("heavy", 300L), Map.entry("light", 100L));
    }

    @Test
    void leastLoadedPrefersFewestOpenUnworkedLeads() {
        RoutingQueue queue = RoutingSetups.queue("q", OwningOrg.SALES, "busy", "idle");
        queue.strategy = RoutingQueue.Strategy.LEAST_LOADED;

        MemberSelector.Selection s = MemberSelector.select(queue, Map.of("busy", 4L, "idle", 1L), Optional.empty(),
                Set.of(), NOW);

        assertThat(s.chosen().username).isEqualTo("idle");
        assertThat(s.why()).contains("least loaded: 1 open unworked");
    }

    @Test
    void accountStickyPrefersTheAccountOwnerUnlessTheyAreUnavailable() {
        RoutingQueue queue = RoutingSetups.queue("q", OwningOrg.SALES, "a", "owner");
        queue.strategy = RoutingQueue.Strategy.ACCOUNT_STICKY;

        assertThat(MemberSelector.select(queue, Map.of(), Optional.of("owner"), Set.of(), NOW).chosen().username)
                .isEqualTo("owner");
        queue.members.get(1).capacity = 0;
        MemberSelector.Selection s = MemberSelector.select(queue, Map.of(), Optional.of("owner"), Set.of(), NOW);
        assertThat(s.chosen().username).isEqualTo("a");
        assertThat(s.why()).contains("account owner owner not eligible");
    }

    @Test
    void skipsOutOfOfficeOutsideHoursAtCapacityAndExcludedMembersWithReasons() {
        RoutingQueue queue = RoutingSetups.queue("q", OwningOrg.MARKETING, "away", "night", "full", "me", "ok");
        queue.enforceWorkingHours = true;
        queue.members.get(0).absences.add(new QueueMember.Absence(NOW.minusSeconds(60), NOW.plusSeconds(3600)));
        QueueMember night = queue.members.get(1);
        night.workStart = LocalTime.of(22, 0);
        night.workEnd = LocalTime.of(6, 0);
        night.timeZone = "UTC";
        queue.members.get(2).capacity = 2;

        MemberSelector.Selection s = MemberSelector.select(queue, Map.of("full", 2L), Optional.empty(), Set.of("me"),
                NOW);

        assertThat(s.chosen().username).isEqualTo("ok");
        assertThat(s.candidates()).containsExactly("away", "night", "full", "me", "ok");
        assertThat(s.skipped()).extracting(Object::toString).containsExactly(
                "away: out of office until 2026-11-23T11:00:00Z",
                "night: outside working hours 22:00-06:00 UTC",
                "full: at capacity (2/2 open unworked)",
                "me: excluded (current assignee)");
    }

    @Test
    void workingDaysHolidaysAndNightShiftsFollowTheMembersTimeZone() {
        RoutingQueue queue = RoutingSetups.queue("q", OwningOrg.MARKETING, "weekdays", "tokyo", "night", "always");
        queue.enforceWorkingHours = true;
        queue.holidays.add(java.time.LocalDate.parse("2026-12-25"));
        QueueMember weekdays = queue.members.get(0);
        weekdays.workDays = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY";
        weekdays.timeZone = "America/New_York";
        QueueMember tokyo = queue.members.get(1);
        tokyo.workDays = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY";
        tokyo.timeZone = "Asia/Tokyo";
        QueueMember night = queue.members.get(2);
        night.workDays = "FRIDAY";
        night.workStart = java.time.LocalTime.of(22, 0);
        night.workEnd = java.time.LocalTime.of(6, 0);
        night.timeZone = "UTC";

        // Saturday 02:00 UTC: Friday evening in New York, Saturday in Tokyo, Friday's night shift still on.
        Instant saturdayNight = Instant.parse("2026-11-28T02:00:00Z");
        assertThat(MemberSelector.select(queue, Map.of(), Optional.empty(), Set.of(), saturdayNight).skipped())
                .extracting(Object::toString).containsExactly("tokyo: not a working day (SATURDAY)");
        // Christmas, 12:00 UTC: a holiday everywhere.
        assertThat(MemberSelector.select(queue, Map.of(), Optional.empty(), Set.of(),
                Instant.parse("2026-12-25T12:00:00Z")).skipped()).extracting(Object::toString).containsExactly(
                "weekdays: holiday 2026-12-25", "tokyo: holiday 2026-12-25", "night: holiday 2026-12-25",
                "always: holiday 2026-12-25");
        // Without enforced working hours, neither days nor holidays matter.
        queue.enforceWorkingHours = false;
        assertThat(MemberSelector.select(queue, Map.of(), Optional.empty(), Set.of(),
                Instant.parse("2026-12-25T12:00:00Z")).skipped()).isEmpty();
    }

    @Test
    void nobodyEligibleChoosesNobodyAndLeavesTheCountersAlone() {
        RoutingQueue queue = RoutingSetups.queue("q", OwningOrg.MARKETING, "a");
        queue.members.getFirst().capacity = 0;

        MemberSelector.Selection s = MemberSelector.select(queue, Map.of(), Optional.empty(), Set.of(), NOW);

        assertThat(s.chosen()).isNull();
        assertThat(queue.rrCursor).isZero();
    }

    @Test
    void openWorkIsCountedOnlyWhereTheStrategyOrACapacityUsesIt() {
        RoutingQueue roundRobin = RoutingSetups.queue("rr", OwningOrg.MARKETING, "a", "b");
        RoutingQueue leastLoaded = RoutingSetups.queue("ll", OwningOrg.SALES, "a", "b");
        leastLoaded.strategy = RoutingQueue.Strategy.LEAST_LOADED;
        RoutingQueue capped = RoutingSetups.queue("cap", OwningOrg.MARKETING, "a", "b");
        capped.members.get(1).capacity = 5;
        RoutingQueue cappedButInactive = RoutingSetups.queue("off", OwningOrg.MARKETING, "a", "b");
        cappedButInactive.members.get(1).capacity = 5;
        cappedButInactive.members.get(1).active = false;

        assertThat(MemberSelector.usesOpenUnworked(roundRobin)).isFalse();
        assertThat(MemberSelector.usesOpenUnworked(cappedButInactive)).isFalse();
        assertThat(MemberSelector.usesOpenUnworked(leastLoaded)).isTrue();
        assertThat(MemberSelector.usesOpenUnworked(capped)).isTrue();
    }

    private static List<String> pick(RoutingQueue queue, int leads) {
        return IntStream.range(0, leads).mapToObj(i -> MemberSelector.select(queue, Map.of(), Optional.empty(),
                Set.of(), NOW).chosen().username).toList();
    }

    private static Map<String, Long> shares(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
