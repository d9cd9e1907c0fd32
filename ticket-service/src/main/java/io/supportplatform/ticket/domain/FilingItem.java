package io.supportplatform.ticket.domain;

/**
 * The items of P5 whose presence configuration may demand per severity ({@code ticket.filing.required}).
 * System ID, severity, subject and problem description are always required.
 */
public enum FilingItem {
    PRODUCTS("products"),
    PLATFORMS("platforms"),
    ENVIRONMENT("environment"),
    REPRODUCTION_STEPS("reproductionSteps"),
    AFFECTED_DEVICES("affectedDevices"),
    ERROR_MESSAGES("errorMessages"),
    DESIRED_RESULT("desiredResult"),
    SPECIAL_CIRCUMSTANCES("specialCircumstances"),
    REGION("region"),
    LICENSE_CODE("licenseCode");

    private final String field;

    FilingItem(String field) {
        this.field = field;
    }

    /** The request's JSON property carrying this item. */
    public String field() {
        return field;
    }
}
