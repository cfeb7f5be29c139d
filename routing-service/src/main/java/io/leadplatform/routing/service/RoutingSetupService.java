package io.leadplatform.routing.service;

import io.leadplatform.routing.api.MembersRequest;
import io.leadplatform.routing.api.MembersView;
import io.leadplatform.routing.api.QueueRequest;
import io.leadplatform.routing.api.QueueView;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.QueueMemberRepository;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The queues and their rosters, with team-structure advice. */
@ApplicationScoped
public class RoutingSetupService {

    private static final Logger LOG = Logger.getLogger(RoutingSetupService.class);

    /** Common sales-development guidance: a manager runs at most this many reps. */
    static final int REPS_PER_MANAGER = 6;
    static final int REPS_WANTING_A_DIRECTOR = 6;
    static final int MANAGERS_PER_DIRECTOR = 3;
    static final int REPS_WANTING_A_VP = 20;

    private final RoutingQueueRepository queues;
    private final QueueMemberRepository members;
    private final Clock clock;

    public RoutingSetupService(RoutingQueueRepository queues, QueueMemberRepository members, Clock clock) {
        this.queues = queues;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public List<QueueView> queues() {
        return queues.listWithMembers().stream().map(RoutingMapper::view).toList();
    }

    @Transactional
    public QueueView create(QueueRequest request) {
        if (request == null || request.name() == null || !request.name().matches("[a-z0-9][a-z0-9-]{1,99}")) {
            throw ProblemException.invalid("name", "lower-case letters, digits and dashes, 2 to 100 characters");
        }
        if (queues.findByName(request.name()).isPresent()) {
            throw ProblemException.conflict("queue " + request.name() + " already exists");
        }
        RoutingQueue queue = new RoutingQueue();
        queue.id = UUID.randomUUID();
        queue.name = request.name();
        queue.owningOrg = parse(OwningOrg.class, request.owningOrg(), "owningOrg", null);
        queue.purpose = parse(RoutingQueue.Purpose.class, request.purpose(), "purpose", null);
        queue.strategy = parse(RoutingQueue.Strategy.class, request.strategy(), "strategy",
                RoutingQueue.Strategy.ROUND_ROBIN);
        queue.escalation = parse(RoutingQueue.Escalation.class, request.escalation(), "escalation",
                RoutingQueue.Escalation.RECORD);
        queue.manager = username(request.manager(), "manager");
        queue.enforceWorkingHours = Boolean.TRUE.equals(request.enforceWorkingHours());
        queue.holidays = holidays(request.holidays());
        if (request.overflowQueue() != null) {
            queue.overflowQueue = queues.findByRef(request.overflowQueue())
                    .orElseThrow(() -> ProblemException.invalid("overflowQueue", "no queue " + request.overflowQueue()));
        }
        queue.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        queues.persist(queue);
        return RoutingMapper.view(queue);
    }

    @Transactional
    public MembersView members(UUID queueId) {
        RoutingQueue queue = find(queueId);
        return view(queue);
    }

    /**
     * Replaces the roster. A newcomer starts at the roster's lowest lead count so round robin stays fair; a member
     * left out becomes inactive and keeps their count should they come back.
     */
    @Transactional
    public MembersView replaceMembers(UUID queueId, MembersRequest request, Caller caller) {
        RoutingQueue queue = find(queueId);
        if (caller.scope() != Caller.Scope.ALL && !queue.isManagedBy(caller.username())) {
            throw ProblemException.forbidden(caller.username() + " does not manage queue " + queue.name);
        }
        if (request == null || request.members() == null) {
            throw ProblemException.invalid("members", "is required");
        }
        queues.lockForRouting(queue);
        Map<String, QueueMember> existing = new HashMap<>();
        queue.members.forEach(m -> existing.put(m.username, m));
        long floor = queue.members.stream().filter(m -> m.active).mapToLong(m -> m.assignedCount).min().orElse(0);
        // Positions are unique per queue: park them out of the way before renumbering.
        members.update("position = -position - 1000000 where queue.id = ?1", queue.id);
        members.flush();
        queue.members.forEach(m -> members.getEntityManager().refresh(m));
        Set<String> seen = new HashSet<>();
        int position = 1;
        for (int i = 0; i < request.members().size(); i++) {
            MembersRequest.Member r = request.members().get(i);
            String field = "members[" + i + "]";
            if (r == null) {
                throw ProblemException.invalid(field, "is required");
            }
            String username = username(r.username(), field + ".username");
            if (username == null) {
                throw ProblemException.invalid(field + ".username", "is required");
            }
            if (!seen.add(username)) {
                throw ProblemException.invalid(field + ".username", username + " is listed twice");
            }
            QueueMember m = existing.get(username);
            if (m == null) {
                m = new QueueMember();
                m.id = UUID.randomUUID();
                m.queue = queue;
                m.username = username;
                m.assignedCount = floor;
                queue.members.add(m);
            } else if (!m.active) {
                m.assignedCount = Math.max(m.assignedCount, floor);
            }
            m.active = true;
            m.position = position++;
            m.role = parse(QueueMember.Role.class, r.role(), field + ".role", null);
            m.weight = r.weight() == null ? 1 : r.weight();
            if (m.weight < 1 || m.weight > 100) {
                throw ProblemException.invalid(field + ".weight", "must be between 1 and 100");
            }
            m.capacity = r.capacity();
            if (m.capacity != null && m.capacity < 0) {
                throw ProblemException.invalid(field + ".capacity", "must not be negative");
            }
            m.workStart = time(r.workStart(), field + ".workStart");
            m.workEnd = time(r.workEnd(), field + ".workEnd");
            m.timeZone = zone(r.timeZone(), field + ".timeZone");
            m.workDays = workDays(r.workDays(), field + ".workDays");
            if ((m.workStart == null) != (m.workEnd == null) || m.workStart != null && m.timeZone == null) {
                throw ProblemException.invalid(field + ".workStart", "working hours need a start, an end and a "
                        + "time zone");
            }
            m.absences.clear();
            if (r.outOfOffice() != null) {
                for (int j = 0; j < r.outOfOffice().size(); j++) {
                    var range = r.outOfOffice().get(j);
                    if (range == null || range.from() == null || range.to() == null || !range.to().isAfter(range.from())) {
                        throw ProblemException.invalid(field + ".outOfOffice[" + j + "]", "needs from before to");
                    }
                    m.absences.add(new QueueMember.Absence(range.from(), range.to()));
                }
            }
            m.manager = username(r.manager(), field + ".manager");
            m.carriesQuota = Boolean.TRUE.equals(r.carriesQuota());
            if (!members.isPersistent(m)) {
                members.persist(m);
            }
        }
        for (QueueMember m : queue.members) {
            if (!seen.contains(m.username)) {
                m.active = false;
                m.position = position++;
            }
        }
        members.flush();
        return view(queue);
    }

    /**
     * Makes a member whom repeated SLA breaches made unavailable take leads again in this queue, before the time runs
     * out; their other queues' managers decide for theirs.
     */
    @Transactional
    public MembersView clearUnavailable(UUID queueId, String username, Caller caller) {
        RoutingQueue queue = find(queueId);
        if (caller.scope() != Caller.Scope.ALL && !queue.isManagedBy(caller.username())) {
            throw ProblemException.forbidden(caller.username() + " does not manage queue " + queue.name);
        }
        queues.lockForRouting(queue);
        QueueMember member = queue.members.stream().filter(m -> m.username.equals(username)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("member " + username + " of queue " + queue.name));
        if (member.unavailableUntil != null) {
            LOG.infof("%s made %s available again in queue %s (was unavailable until %s)", caller.username(),
                    username, queue.name, member.unavailableUntil);
            member.unavailableUntil = null;
        }
        return view(queue);
    }

    private MembersView view(RoutingQueue queue) {
        return new MembersView(queue.id, queue.name, queue.members.stream()
                .sorted((a, b) -> Integer.compare(a.position, b.position))
                .map(RoutingMapper::view).toList(), advice(queue));
    }

    /** Team-structure advice for the queue's org, as warnings; nothing here blocks a change. */
    List<String> advice(RoutingQueue queue) {
        List<QueueMember> roster = members.activeInOrg(queue.owningOrg);
        List<String> warnings = new ArrayList<>();
        Map<String, Set<String>> repsByManager = new TreeMap<>();
        Set<String> reps = new HashSet<>();
        for (QueueMember m : roster) {
            reps.add(m.username);
            String manager = m.manager != null ? m.manager : m.queue.manager;
            if (manager != null) {
                repsByManager.computeIfAbsent(manager, k -> new HashSet<>()).add(m.username);
            }
        }
        repsByManager.forEach((manager, managed) -> {
            if (managed.size() > REPS_PER_MANAGER) {
                warnings.add("manager " + manager + " runs " + managed.size() + " reps; at most " + REPS_PER_MANAGER
                        + " is advised");
            }
        });
        if (reps.size() >= REPS_WANTING_A_DIRECTOR) {
            warnings.add(queue.owningOrg + " has " + reps.size() + " reps: " + REPS_WANTING_A_DIRECTOR
                    + "+ reps want a director, who manages up to " + MANAGERS_PER_DIRECTOR + " managers"
                    + (repsByManager.size() > MANAGERS_PER_DIRECTOR ? " (" + repsByManager.size()
                    + " managers need more than one)" : ""));
        }
        if (reps.size() >= REPS_WANTING_A_VP) {
            warnings.add(queue.owningOrg + " has " + reps.size() + " reps: " + REPS_WANTING_A_VP
                    + "+ reps want a VP");
        }
        Set<String> leaders = roster.stream().filter(m -> m.carriesQuota && repsByManager.containsKey(m.username))
                .map(m -> m.username).collect(Collectors.toCollection(java.util.TreeSet::new));
        leaders.forEach(l -> warnings.add("team leader " + l + " manages reps and also carries a quota"));
        return warnings;
    }

    private RoutingQueue find(UUID id) {
        return queues.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("queue " + id));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, E fallback) {
        if (value == null) {
            if (fallback == null) {
                throw ProblemException.invalid(field, "is required: " + Arrays.toString(type.getEnumConstants()));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String username(String value, String field) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw ProblemException.invalid(field, "must be a username");
        }
        return value;
    }

    private static LocalTime time(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, "must be a time such as 09:00");
        }
    }

    private static Set<LocalDate> holidays(List<String> values) {
        Set<LocalDate> days = new TreeSet<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                try {
                    days.add(LocalDate.parse(String.valueOf(values.get(i)).trim()));
                } catch (DateTimeException e) {
                    throw ProblemException.invalid("holidays[" + i + "]", "must be a date such as 2026-12-25");
                }
            }
        }
        return days;
    }

    /** Stored as canonical names in week order, such as "MONDAY,TUESDAY"; null (every day) when absent. */
    private static String workDays(List<String> values, String field) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw ProblemException.invalid(field, "needs at least one day, or leave it out for every day");
        }
        try {
            return QueueMember.parseWorkDays(String.join(",", values)).stream().map(Enum::name)
                    .collect(Collectors.joining(","));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must list days such as MON or MONDAY");
        }
    }

    private static String zone(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, "must be a time zone such as Europe/Paris");
        }
    }
}
