package io.leadplatform.routing;

import io.leadplatform.routing.domain.MemberPick;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingQueue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round robin as pure logic: the queue's cursor decides, the database only persists and locks it. */
class RoutingQueueTest {

    @Test
    void rotatesFairlyInPositionOrder() {
        RoutingQueue queue = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "cara", "abe", "bo");
        // Positions follow the argument order, whatever order the members are listed in.
        queue.members = new ArrayList<>(queue.members.reversed());

        List<String> picks = pick(queue, 9);

        assertThat(picks).containsExactly("cara", "abe", "bo", "cara", "abe", "bo", "cara", "abe", "bo");
        assertThat(queue.rrCursor).isEqualTo(9);
    }

    @Test
    void everyActiveMemberGetsTheSameShareOverManyLeads() {
        RoutingQueue queue = RoutingSetups.queue("outbound-bdr", OwningOrg.SALES, "xavier", "yuri");

        Map<String, Long> shares = pick(queue, 1000).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(shares).containsOnly(Map.entry("xavier", 500L), Map.entry("yuri", 500L));
    }

    @Test
    void inactiveMembersAreSkipped() {
        RoutingQueue queue = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "a", "b", "c");
        queue.members.get(1).active = false;

        assertThat(pick(queue, 4)).containsExactly("a", "c", "a", "c");
    }

    @Test
    void continuesFromTheStoredCursor() {
        RoutingQueue queue = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "a", "b", "c");
        queue.rrCursor = 7;

        MemberPick pick = queue.pickNext();

        assertThat(pick.member().username).isEqualTo("b");
        assertThat(pick.cursor()).isEqualTo(7);
        assertThat(pick.reason()).contains("cursor 7", "slot 2 of 3", "-> b");
        assertThat(queue.rrCursor).isEqualTo(8);
    }

    @Test
    void aQueueWithoutActiveMembersCannotTakeALead() {
        RoutingQueue queue = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "a");
        queue.members.getFirst().active = false;

        assertThatThrownBy(queue::pickNext).isInstanceOf(RoutingException.class).hasMessageContaining("no active");
        assertThat(queue.rrCursor).isZero();
    }

    private static List<String> pick(RoutingQueue queue, int leads) {
        return IntStream.range(0, leads).mapToObj(i -> queue.pickNext().member())
                .map((QueueMember m) -> m.username).toList();
    }
}
