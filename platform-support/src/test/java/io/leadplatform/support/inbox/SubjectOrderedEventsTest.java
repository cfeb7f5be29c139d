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
    final List<String> consumersPerBatch = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done;
    SubjectOrderedEvents lanes;

    /** Records which event of which subject ran on which thread, taking a little time like a transaction would. */
    class RecordingInbound extends InboundEvents {
        RecordingInbound() {
            super(null);
        }

        @Override
        CompletionStage<Void> applyAll(List<Delivery> deliveries, EventHandlers handlers) {
            threads.add(Thread.currentThread().getName());
            batchSizes.add(deliveries.size());
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(200)));
            for (Delivery delivery : deliveries) {
                applied.computeIfAbsent(String.valueOf(delivery.subject()), s -> new ArrayList<>())
                        .add(delivery.event() == null ? -1 : delivery.event().data().get("seq").asInt());
                delivery.message().ack();
                done.countDown();
            }
            return CompletableFuture.completedFuture(null);
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
        lanes = new SubjectOrderedEvents(new RecordingInbound(), 4, 8);
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
        assertThat(batchSizes).as("batches never exceed inbox.max-batch").allMatch(size -> size >= 1 && size <= 8);
    }

    /** Keeps the subject's lane busy until the returned latch is released, so what arrives meanwhile waits. */
    CountDownLatch holdLane(UUID subject) {
        CountDownLatch release = new CountDownLatch(1);
        lanes.lane(subject.toString()).executor.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    @Test
    void aLaneThatFellBehindAppliesWhatWaitsAsBatchesInOrder() throws InterruptedException {
        lanes = new SubjectOrderedEvents(new RecordingInbound(), 1, 10);
        done = new CountDownLatch(101);
        EventHandlers handlers = EventHandlers.forConsumer("test");
        UUID subject = UUID.randomUUID();
        // Hold the only lane, as a slow transaction would, while 100 more events arrive.
        CountDownLatch release = holdLane(subject);
        for (int seq = 0; seq < 101; seq++) {
            lanes.dispatch(event(subject, seq, acked), handlers);
        }
        release.countDown();

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(applied.get(subject.toString())).isEqualTo(IntStream.range(0, 101).boxed().toList());
        assertThat(batchSizes).as("what waited went in batches of inbox.max-batch").startsWith(10, 10, 10)
                .allMatch(size -> size <= 10);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(101);
        assertThat(acked).hasValue(101);
    }

    @Test
    void differentConsumersOnOneLaneAreNeverMixedInABatch() throws InterruptedException {
        lanes = new SubjectOrderedEvents(new RecordingInbound() {
            @Override
            CompletionStage<Void> applyAll(List<Delivery> deliveries, EventHandlers handlers) {
                consumersPerBatch.add(handlers.consumer());
                return super.applyAll(deliveries, handlers);
            }
        }, 1, 10);
        done = new CountDownLatch(20);
        EventHandlers first = EventHandlers.forConsumer("first");
        EventHandlers second = EventHandlers.forConsumer("second");
        UUID subject = UUID.randomUUID();
        CountDownLatch release = holdLane(subject);
        for (int seq = 0; seq < 20; seq++) {
            lanes.dispatch(event(subject, seq, acked), seq < 5 || seq >= 15 ? first : second);
        }
        release.countDown();

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(batchSizes).containsExactly(5, 10, 5);
        assertThat(consumersPerBatch).containsExactly("first", "second", "first");
    }

    @Test
    void aMalformedMessageStillReachesALaneToBeRejected() throws InterruptedException {
        lanes = new SubjectOrderedEvents(new RecordingInbound(), 2, 8);
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
