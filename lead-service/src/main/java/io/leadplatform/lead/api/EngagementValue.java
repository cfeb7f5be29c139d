package io.leadplatform.lead.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An engagement's value within what its type allows: an NPS answer is 0 to 10. Reported on {@code value}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EngagementValue.Validator.class)
public @interface EngagementValue {

    String NPS = "nps_submitted";

    String message() default "must be 0 to 10 for nps_submitted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What the constraint reads of an engagement event. */
    interface Valued {
        String type();

        Double value();
    }

    class Validator implements ConstraintValidator<EngagementValue, Valued> {

        @Override
        public boolean isValid(Valued engagement, ConstraintValidatorContext context) {
            if (engagement == null || !NPS.equals(engagement.type()) || engagement.value() == null) {
                return true;
            }
            double v = engagement.value();
            if (v >= 0 && v <= 10) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("value").addConstraintViolation();
            return false;
        }
    }
}
