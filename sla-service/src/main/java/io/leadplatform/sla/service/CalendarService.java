package io.leadplatform.sla.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.sla.api.CalendarRequest;
import io.leadplatform.sla.api.CalendarRequest.OpeningHours;
import io.leadplatform.sla.api.CalendarView;
import io.leadplatform.sla.calendar.BusinessCalendar;
import io.leadplatform.sla.domain.SlaCalendar;
import io.leadplatform.sla.domain.SlaCalendarRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Stores business-hours calendars and turns them into {@link BusinessCalendar}s; {@code 24x7} is built in. */
@ApplicationScoped
public class CalendarService {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final TypeReference<Map<String, List<OpeningHours>>> WEEK = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> DATES = new TypeReference<>() {
    };

    private final SlaCalendarRepository calendars;
    private final ObjectMapper json;
    private final Clock clock;

    public CalendarService(SlaCalendarRepository calendars, ObjectMapper json, Clock clock) {
        this.calendars = calendars;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public List<CalendarView> list() {
        List<CalendarView> all = new ArrayList<>();
        all.add(view(BusinessCalendar.alwaysOpen(), null));
        calendars.listAll().stream().sorted((a, b) -> a.name.compareTo(b.name))
                .forEach(e -> all.add(view(toCalendar(e), e)));
        return all;
    }

    /** Creates or replaces a calendar; running clocks keep the due times computed when they started. */
    @Transactional
    public CalendarView save(CalendarRequest request) {
        BusinessCalendar calendar = validate(request);
        SlaCalendar entity = calendars.findByIdOptional(calendar.name()).orElseGet(SlaCalendar::new);
        boolean created = entity.name == null;
        entity.name = calendar.name();
        entity.timeZone = calendar.zone().getId();
        entity.weeklyHours = write(weekOf(calendar));
        entity.holidays = write(calendar.holidays().stream().map(LocalDate::toString).sorted().toList());
        entity.updatedAt = clock.instant();
        if (created) {
            calendars.persist(entity);
        }
        return view(calendar, entity);
    }

    /** The calendar of that name, built-in or stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BusinessCalendar> find(String name) {
        if (BusinessCalendar.ALWAYS_OPEN.equals(name)) {
            return Optional.of(BusinessCalendar.alwaysOpen());
        }
        return calendars.findByIdOptional(name).map(this::toCalendar);
    }

    /** The calendar a stored clock ran on; one gone missing is treated as always open rather than failing. */
    public BusinessCalendar forClock(String name) {
        return find(name).orElseGet(BusinessCalendar::alwaysOpen);
    }

    static BusinessCalendar validate(CalendarRequest r) {
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            throw ProblemException.invalid("name", "is required: lower-case letters, digits and dashes, at most 64");
        }
        if (BusinessCalendar.ALWAYS_OPEN.equals(r.name())) {
            throw ProblemException.invalid("name", "24x7 is built in and cannot be replaced");
        }
        if (r.timeZone() == null || r.timeZone().isBlank()) {
            throw ProblemException.invalid("timeZone", "is required, e.g. Europe/Berlin");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(r.timeZone().strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a known time zone");
        }
        if (r.weeklyHours() == null || r.weeklyHours().isEmpty()) {
            throw ProblemException.invalid("weeklyHours", "is required: at least one day with opening hours");
        }
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<OpeningHours>> day : r.weeklyHours().entrySet()) {
            String field = "weeklyHours." + day.getKey();
            DayOfWeek dow;
            try {
                dow = DayOfWeek.valueOf(day.getKey().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(field, "is not a day of the week (MONDAY to SUNDAY)");
            }
            if (week.containsKey(dow)) {
                throw ProblemException.invalid(field, "is given twice");
            }
            List<BusinessCalendar.Hours> hours = new ArrayList<>();
            List<OpeningHours> windows = day.getValue() == null ? List.of() : day.getValue();
            for (int i = 0; i < windows.size(); i++) {
                OpeningHours w = windows.get(i);
                String at = field + "[" + i + "]";
                if (w == null) {
                    throw ProblemException.invalid(at, "is required");
                }
                LocalTime open = time(w.open(), at + ".open", false);
                LocalTime close = time(w.close(), at + ".close", true);
                if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
                    throw ProblemException.invalid(at + ".close", "must be after open");
                }
                hours.add(new BusinessCalendar.Hours(open, close));
            }
            hours.sort((a, b) -> a.open().compareTo(b.open()));
            for (int i = 1; i < hours.size(); i++) {
                LocalTime previousClose = hours.get(i - 1).close();
                if (previousClose.equals(LocalTime.MIDNIGHT) || previousClose.isAfter(hours.get(i).open())) {
                    throw ProblemException.invalid(field, "has overlapping opening hours");
                }
            }
            week.put(dow, List.copyOf(hours));
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            throw ProblemException.invalid("weeklyHours", "must open on at least one day");
        }
        Set<LocalDate> holidays = new TreeSet<>();
        List<String> dates = r.holidays() == null ? List.of() : r.holidays();
        for (int i = 0; i < dates.size(); i++) {
            try {
                holidays.add(LocalDate.parse(dates.get(i).strip()));
            } catch (DateTimeParseException | NullPointerException e) {
                throw ProblemException.invalid("holidays[" + i + "]", "must be an ISO date, e.g. 2026-12-25");
            }
        }
        return new BusinessCalendar(r.name(), zone, week, holidays);
    }

    private static LocalTime time(String value, String field, boolean close) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required, e.g. 09:00");
        }
        if (close && value.strip().equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a time of day, e.g. 09:00");
        }
    }

    private BusinessCalendar toCalendar(SlaCalendar e) {
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        read(e.weeklyHours, WEEK).forEach((day, hours) -> week.put(DayOfWeek.valueOf(day), hours.stream()
                .map(h -> new BusinessCalendar.Hours(LocalTime.parse(h.open()),
                        h.close().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(h.close())))
                .toList()));
        Set<LocalDate> holidays = new TreeSet<>();
        read(e.holidays, DATES).forEach(d -> holidays.add(LocalDate.parse(d)));
        return new BusinessCalendar(e.name, ZoneId.of(e.timeZone), week, holidays);
    }

    private static Map<String, List<OpeningHours>> weekOf(BusinessCalendar c) {
        Map<String, List<OpeningHours>> week = new LinkedHashMap<>();
        c.week().forEach((day, hours) -> week.put(day.name(), hours.stream()
                .map(h -> new OpeningHours(h.open().toString(),
                        h.close().equals(LocalTime.MIDNIGHT) ? "24:00" : h.close().toString()))
                .toList()));
        return week;
    }

    private static CalendarView view(BusinessCalendar c, SlaCalendar e) {
        return new CalendarView(c.name(), c.zone().getId(), weekOf(c),
                c.holidays().stream().map(LocalDate::toString).sorted().toList(), e == null ? null : e.updatedAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calendar is not readable", e);
        }
    }
}
