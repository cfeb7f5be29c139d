package io.leadplatform.sla.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.sla.api.PolicyRequest;
import io.leadplatform.sla.api.PolicyView;
import io.leadplatform.sla.calendar.BusinessCalendar;
import io.leadplatform.sla.config.SlaConfig;
import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.sla.domain.SlaClock;
import io.leadplatform.sla.domain.SlaPolicy;
import io.leadplatform.sla.domain.SlaPolicyRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Versioned SLA policies. The active version decides which clocks start and on what terms; while none is active
 * the built-in default applies: a first-touch clock of {@code sla.first-touch} on the always-open calendar.
 */
@ApplicationScoped
public class PolicyService {

    private final SlaPolicyRepository policies;
    private final CalendarService calendars;
    private final SlaConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    // Versions never change once stored, so their parsed definitions can be kept.
    private final Map<Integer, PolicyDefinition> parsed = new ConcurrentHashMap<>();

    public PolicyService(SlaPolicyRepository policies, CalendarService calendars, SlaConfig config, ObjectMapper json,
            Clock clock, TransactionSynchronizationRegistry transactions) {
        this.policies = policies;
        this.transactions = transactions;
        this.calendars = calendars;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A policy in force: its label and definition. */
    public record Effective(String label, PolicyDefinition definition) {
    }

    @Transactional
    public List<PolicyView> list() {
        return policies.newestFirst().stream().map(this::view).toList();
    }

    @Transactional
    public PolicyView activeView() {
        return policies.active().map(this::view).orElseGet(this::defaultView);
    }

    @Transactional
    public PolicyView create(PolicyRequest request, String createdBy) {
        PolicyDefinition definition = validate(request);
        SlaPolicy entity = new SlaPolicy();
        entity.version = policies.nextVersion();
        entity.name = request.name().strip();
        entity.definition = write(definition);
        entity.createdAt = clock.instant();
        entity.createdBy = createdBy;
        policies.persist(entity);
        if (Boolean.TRUE.equals(request.activate())) {
            activate(entity);
        }
        return view(entity);
    }

    /**
     * Makes a version the active one; clocks already running keep the version they started under. Version 0 goes
     * back to the built-in default.
     */
    @Transactional
    public PolicyView activate(int version) {
        policies.lockTable();
        if (version == 0) {
            inForce().set(null);
            policies.active().ifPresent(previous -> previous.active = false);
            return defaultView();
        }
        SlaPolicy entity = policies.lockVersion(version)
                .orElseThrow(() -> ProblemException.notFound("policy version " + version));
        activate(entity);
        return view(entity);
    }

    private void activate(SlaPolicy entity) {
        inForce().set(null);
        policies.active().filter(p -> p.version != entity.version).ifPresent(previous -> {
            previous.active = false;
            policies.flush();
        });
        entity.active = true;
        entity.activatedAt = clock.instant();
    }

    /** Read once per transaction: a batch of events asks for terms several times per lead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Effective effective() {
        AtomicReference<Effective> inForce = inForce();
        Effective policy = inForce.get();
        if (policy == null) {
            policy = policies.active()
                    .map(p -> new Effective(p.label(), parsed.computeIfAbsent(p.version, v -> read(p.definition))))
                    .orElseGet(this::defaultPolicy);
            inForce.set(policy);
        }
        return policy;
    }

    /** This transaction's memo of the policy in force; an activation in the transaction clears it. */
    @SuppressWarnings("unchecked")
    private AtomicReference<Effective> inForce() {
        var memo = (AtomicReference<Effective>) transactions.getResource(PolicyService.class);
        if (memo == null) {
            memo = new AtomicReference<>();
            transactions.putResource(PolicyService.class, memo);
        }
        return memo;
    }

    /** The terms of a clock type for a lead's segment and queue, if the policy in force runs that clock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SlaClock.Terms> terms(ClockType type, String queueName, String channel, String direction) {
        Effective policy = effective();
        PolicyDefinition d = policy.definition();
        return d.targets().stream()
                .filter(t -> t.clock().equals(type.name()))
                .filter(t -> t.channel() == null || t.channel().equalsIgnoreCase(channel))
                .filter(t -> t.direction() == null || t.direction().equalsIgnoreCase(direction))
                .max(Comparator.comparingInt(t -> (t.channel() == null ? 0 : 2) + (t.direction() == null ? 0 : 1)))
                .map(t -> {
                    String calendarName = t.calendar() != null ? t.calendar()
                            : queueName != null && d.queueCalendars().containsKey(queueName)
                                    ? d.queueCalendars().get(queueName) : d.defaultCalendar();
                    return new SlaClock.Terms(policy.label(), Duration.parse(t.target()), d.warningRatio(),
                            calendars.forClock(calendarName));
                });
    }

    private Effective defaultPolicy() {
        return new Effective(config.policyVersion(), new PolicyDefinition(config.warningRatio(),
                BusinessCalendar.ALWAYS_OPEN, Map.of(), List.of(new PolicyRequest.Target(ClockType.FIRST_TOUCH.name(),
                        null, null, config.firstTouch().toString(), null))));
    }

    private PolicyView defaultView() {
        PolicyDefinition d = defaultPolicy().definition();
        return new PolicyView(0, config.policyVersion(), "built-in default", true, d.warningRatio(),
                d.defaultCalendar(), d.queueCalendars(), d.targets(), null, null, null);
    }

    PolicyDefinition validate(PolicyRequest r) {
        if (r.name() == null || !CalendarService.NAME.matcher(r.name().strip()).matches()) {
            throw ProblemException.invalid("name", "is required: lower-case letters, digits and dashes, at most 64");
        }
        double ratio = r.warningRatio() == null ? config.warningRatio() : r.warningRatio();
        if (!(ratio > 0.0 && ratio < 1.0)) {
            throw ProblemException.invalid("warningRatio", "must be between 0 and 1, e.g. 0.75");
        }
        String defaultCalendar = r.defaultCalendar() == null ? BusinessCalendar.ALWAYS_OPEN : r.defaultCalendar();
        requireCalendar(defaultCalendar, "defaultCalendar");
        Map<String, String> queueCalendars = new LinkedHashMap<>(r.queueCalendars() == null ? Map.of()
                : r.queueCalendars());
        queueCalendars.forEach((queue, calendar) -> requireCalendar(calendar, "queueCalendars." + queue));
        if (r.targets() == null || r.targets().isEmpty()) {
            throw ProblemException.invalid("targets", "is required: at least a FIRST_TOUCH target for every lead");
        }
        Set<String> seen = new HashSet<>();
        List<PolicyRequest.Target> targets = new ArrayList<>();
        for (int i = 0; i < r.targets().size(); i++) {
            PolicyRequest.Target t = r.targets().get(i);
            String field = "targets[" + i + "]";
            if (t == null) {
                throw ProblemException.invalid(field, "is required");
            }
            ClockType type;
            try {
                type = ClockType.valueOf(String.valueOf(t.clock()).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(field + ".clock", "must be one of SYSTEM_DELAY, FIRST_TOUCH, ACCEPT, "
                        + "AE_ACCEPT");
            }
            Duration target;
            try {
                target = Duration.parse(String.valueOf(t.target()).strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(field + ".target", "must be an ISO-8601 duration, e.g. PT5M");
            }
            if (target.isNegative() || target.isZero() || target.compareTo(Duration.ofDays(366)) > 0) {
                throw ProblemException.invalid(field + ".target", "must be positive and at most a year");
            }
            if (t.calendar() != null) {
                requireCalendar(t.calendar(), field + ".calendar");
            }
            String channel = blankToNull(t.channel());
            String direction = blankToNull(t.direction());
            if (!seen.add(type + "|" + lower(channel) + "|" + lower(direction))) {
                throw ProblemException.invalid(field, "repeats the segment of an earlier target for " + type);
            }
            targets.add(new PolicyRequest.Target(type.name(), channel, direction, target.toString(), t.calendar()));
        }
        if (!seen.contains(ClockType.FIRST_TOUCH + "|null|null")) {
            throw ProblemException.invalid("targets", "needs a FIRST_TOUCH target without channel and direction, "
                    + "so that every assigned lead gets a first-touch clock");
        }
        return new PolicyDefinition(ratio, defaultCalendar, Map.copyOf(queueCalendars), List.copyOf(targets));
    }

    private void requireCalendar(String name, String field) {
        if (name == null || calendars.find(name).isEmpty()) {
            throw ProblemException.invalid(field, "names no known calendar");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String lower(String s) {
        return s == null ? "null" : s.toLowerCase(Locale.ROOT);
    }

    private PolicyView view(SlaPolicy e) {
        PolicyDefinition d = parsed.computeIfAbsent(e.version, v -> read(e.definition));
        return new PolicyView(e.version, e.label(), e.name, e.active, d.warningRatio(), d.defaultCalendar(),
                d.queueCalendars(), d.targets(), e.createdAt, e.createdBy, e.activatedAt);
    }

    private String write(PolicyDefinition d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicyDefinition read(String definition) {
        try {
            return json.readValue(definition, PolicyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not readable", e);
        }
    }
}
