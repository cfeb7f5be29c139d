package io.leadplatform.lead.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A lead needs a way to reach the person: an email, or failing that a phone number. Reported on {@code email}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailOrPhone.Validator.class)
public @interface EmailOrPhone {

    String message() default "is required unless a phone is given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailOrPhone, CaptureLead> {

        @Override
        public boolean isValid(CaptureLead request, ConstraintValidatorContext context) {
            if (request == null || request.email() != null || request.phone() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("email").addConstraintViolation();
            return false;
        }
    }
}
