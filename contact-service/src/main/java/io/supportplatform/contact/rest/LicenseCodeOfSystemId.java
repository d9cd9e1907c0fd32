package io.supportplatform.contact.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * P5.a: the system ID is the first six digits of the license code. Reported on field {@code licenseCode},
 * together with every other invalid field of the request.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = LicenseCodeOfSystemId.Validator.class)
public @interface LicenseCodeOfSystemId {

    String message() default "must start with the system ID (P5.a)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LicenseCodeOfSystemId, NewAccountRequest> {

        @Override
        public boolean isValid(NewAccountRequest request, ConstraintValidatorContext context) {
            // a missing or malformed value is reported by the field's own constraints
            if (request == null || request.licenseCode() == null || request.systemId() == null
                    || !request.systemId().matches(Patterns.SYSTEM_ID)
                    || !request.licenseCode().matches(Patterns.LICENSE_CODE)
                    || request.licenseCode().startsWith(request.systemId())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("licenseCode").addConstraintViolation();
            return false;
        }
    }
}
