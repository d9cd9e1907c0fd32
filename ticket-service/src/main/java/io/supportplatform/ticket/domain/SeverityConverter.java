package io.supportplatform.ticket.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a severity as its level (1..4) in a smallint column. */
@Converter(autoApply = true)
public class SeverityConverter implements AttributeConverter<Severity, Short> {

    @Override
    public Short convertToDatabaseColumn(Severity severity) {
        return severity == null ? null : (short) severity.level();
    }

    @Override
    public Severity convertToEntityAttribute(Short level) {
        return level == null ? null : Severity.ofLevel(level);
    }
}
