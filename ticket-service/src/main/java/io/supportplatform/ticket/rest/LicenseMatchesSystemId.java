package io.supportplatform.ticket.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * P5.a: the first six digits of the license code are the system ID. Reported on {@code licenseCode};
 * malformed values are left to the fields' own patterns, so each problem is named once.
 */
@Documented
@Constraint(validatedBy = LicenseMatchesSystemId.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface LicenseMatchesSystemId {

    String message() default "must start with the system ID (P5.a)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LicenseMatchesSystemId, NewTicketRequest> {

        private static final java.util.regex.Pattern SIX_DIGITS = java.util.regex.Pattern.compile("\\d{6}");

        @Override
        public boolean isValid(NewTicketRequest request, ConstraintValidatorContext context) {
            if (request == null || request.systemId() == null || request.licenseCode() == null
                    || !SIX_DIGITS.matcher(request.systemId()).matches() || request.licenseCode().length() < 6
                    || !SIX_DIGITS.matcher(request.licenseCode().substring(0, 6)).matches()
                    || request.licenseCode().startsWith(request.systemId())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must start with the system ID " + request.systemId()
                    + " (P5.a)")
                    .addPropertyNode("licenseCode")
                    .addConstraintViolation();
            return false;
        }
    }
}
