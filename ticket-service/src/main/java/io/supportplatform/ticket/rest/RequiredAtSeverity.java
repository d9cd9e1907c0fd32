package io.supportplatform.ticket.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.supportplatform.ticket.config.TicketConfig;
import io.supportplatform.ticket.domain.FilingItem;

/**
 * The P5 items the filing's severity demands ({@code ticket.filing.required.<level>}) are present: each
 * missing one is a violation of its own field, reported together with every other invalid field.
 */
@Documented
@Constraint(validatedBy = RequiredAtSeverity.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface RequiredAtSeverity {

    String message() default "is required at this severity";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<RequiredAtSeverity, NewTicketRequest> {

        // Hibernate Validator initializes validators at static init, before runtime config mappings exist:
        // read the mapping when first validating, once (the mapping's bean is @Dependent: every get() made one).
        private final Provider<TicketConfig> config;
        private volatile TicketConfig.Filing filing;

        public Validator(Provider<TicketConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(NewTicketRequest request, ConstraintValidatorContext context) {
            // An invalid severity is reported by its own constraint; it demands nothing here.
            if (request == null || request.severity() == null || request.severity() < 1 || request.severity() > 4) {
                return true;
            }
            boolean valid = true;
            for (FilingItem item : filing().requiredAt(request.severity())) {
                if (!present(item, request)) {
                    valid = false;
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(
                            "is required at severity " + request.severity() + " (P5)")
                            .addPropertyNode(item.field())
                            .addConstraintViolation();
                }
            }
            return valid;
        }

        private TicketConfig.Filing filing() {
            TicketConfig.Filing read = filing;
            if (read == null) {
                read = config.get().filing();
                filing = read;
            }
            return read;
        }

        private static boolean present(FilingItem item, NewTicketRequest request) {
            return switch (item) {
                case PRODUCTS -> filled(request.products());
                case PLATFORMS -> filled(request.platforms());
                case ENVIRONMENT -> filled(request.environment());
                case REPRODUCTION_STEPS -> filled(request.reproductionSteps());
                case AFFECTED_DEVICES -> filled(request.affectedDevices());
                case ERROR_MESSAGES -> filled(request.errorMessages());
                case DESIRED_RESULT -> filled(request.desiredResult());
                case SPECIAL_CIRCUMSTANCES -> filled(request.specialCircumstances());
                case REGION -> filled(request.region());
                case LICENSE_CODE -> filled(request.licenseCode());
            };
        }

        private static boolean filled(String text) {
            return text != null && !text.isBlank();
        }

        private static boolean filled(Collection<?> items) {
            return items != null && !items.isEmpty();
        }
    }
}
