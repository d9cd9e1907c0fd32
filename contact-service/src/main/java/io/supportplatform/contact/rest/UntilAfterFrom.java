package io.supportplatform.contact.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An authorization period ends after it starts; reported on field {@code authorizedUntil}. */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = UntilAfterFrom.Validator.class)
public @interface UntilAfterFrom {

    String message() default "must be after authorizedFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UntilAfterFrom, NewContactRequest> {

        @Override
        public boolean isValid(NewContactRequest request, ConstraintValidatorContext context) {
            if (request == null || request.authorizedFrom() == null || request.authorizedUntil() == null
                    || request.authorizedUntil().isAfter(request.authorizedFrom())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("authorizedUntil").addConstraintViolation();
            return false;
        }
    }
}
