package io.leadplatform.support.inbox;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventJson;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lanes' ordering contract, as pure logic: the handler is replaced, so no database or broker is involved
 * (InboundEvents' own behaviour is tested on the real ones by each service's consumer tests).
 */
class SubjectOrderedEventsTest {

    static final int SUBJECTS = 40;
    static final int EVENTS_PER_SUBJECT = 50;

    final Map<String, List<Integer>> applied = new ConcurrentHashMap<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger acked = new AtomicInteger();
    CountDownLatch done;
    SubjectOrderedEvents lanes;

    /** Records which event of which subject ran on which thread, taking a little time like a transaction would. */
    class RecordingInbound extends InboundEvents {
        RecordingInbound() {
            super(null);
        }

        @Override
        CompletionStage<Void> apply(Delivery delivery, EventHandlers handlers) {
            threads.add(Thread.currentThread().getName());
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(200)));
            applied.computeIfAbsent(String.valueOf(delivery.subject()), s -> new ArrayList<>())
                    .add(delivery.event() == null ? -1 : delivery.event().data().get("seq").asInt());
            done.countDown();
            return delivery.message().ack();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (lanes != null) {
            lanes.stop();
        }
    }

    static Message<byte[]> event(UUID subject, int seq, AtomicInteger acked) {
        String json = EventJson.write(CloudEvent.of("test", "lead.scored", subject, Instant.EPOCH, Map.of("seq", seq)));
        return Message.of(json.getBytes(), () -> {
            acked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void eachSubjectsEventsApplyInDeliveryOrderWhileSubjectsSpreadOverTheLanes() throws InterruptedException {
        lanes = new SubjectOrderedEvents(new RecordingInbound(), 4);
        done = new CountDownLatch(SUBJECTS * EVENTS_PER_SUBJECT);
        List<UUID> subjects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            subjects.add(UUID.randomUUID());
        }
        EventHandlers handlers = EventHandlers.forConsumer("test");
        // Interleaved, as a queue delivers them: event 0 of every subject, then event 1 of every subject, ...
        for (int seq = 0; seq < EVENTS_PER_SUBJECT; seq++) {
            for (UUID subject : subjects) {
                assertThat(lanes.dispatch(event(subject, seq, acked), handlers)).isCompleted();
            }
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).as("every event applied").isTrue();
        List<Integer> inOrder = IntStream.range(0, EVENTS_PER_SUBJECT).boxed().toList();
        assertThat(applied).hasSize(SUBJECTS);
        applied.forEach((subject, seqs) -> assertThat(seqs).as("events of %s", subject).isEqualTo(inOrder));
        assertThat(threads).as("lanes used").hasSize(4).allMatch(t -> t.startsWith("inbox-lane-"));
        assertThat(acked).hasValue(SUBJECTS * EVENTS_PER_SUBJECT);
    }

    @Test
    void aMalformedMessageStillReachesALaneToBeRejected() throws InterruptedException {
        lanes = new SubjectOrderedEvents(new RecordingInbound(), 2);
        done = new CountDownLatch(1);
        lanes.dispatch(Message.of("not json".getBytes(), () -> {
            acked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }), EventHandlers.forConsumer("test"));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(applied).containsOnlyKeys("null");
        assertThat(applied.get("null")).containsExactly(-1);
    }
}
