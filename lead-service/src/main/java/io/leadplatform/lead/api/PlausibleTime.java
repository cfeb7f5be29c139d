package io.leadplatform.lead.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A time a source can really have seen: not before 2000, and at most five minutes ahead of the platform's clock
 * (a sender's clock may run a little fast; a capture dated in the future would stay ahead of every report).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleTime.Validator.class)
public @interface PlausibleTime {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Duration AHEAD = Duration.ofMinutes(5);

    String message() default "must be from 2000-01-01 up to five minutes from now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleTime, OffsetDateTime> {

        @Override
        public boolean isValid(OffsetDateTime time, ConstraintValidatorContext context) {
            if (time == null) {
                return true;
            }
            Instant at = time.toInstant();
            Instant now = context.getClockProvider().getClock().instant();
            return !at.isBefore(EARLIEST) && !at.isAfter(now.plus(AHEAD));
        }
    }
}
