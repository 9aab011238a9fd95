package org.mtb.support.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Jackson's own deserializer of a date type with the common text form read first ({@link IsoDates}): a string of that
 * form is answered at once, everything else (another form, a number, an array, null) goes to the standard one. Where a
 * property or the mapper sets a format ({@code @JsonFormat}, a config override), the standard deserializer alone reads
 * it, as if this one were not there.
 */
final class IsoDateDeserializer extends DelegatingDeserializer {

    private final Function<String, ? extends @Nullable Object> commonForm;

    IsoDateDeserializer(ValueDeserializer<?> standard, Function<String, ? extends @Nullable Object> commonForm) {
        super(standard);
        this.commonForm = commonForm;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
        return new IsoDateDeserializer(standard, commonForm);
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
        JsonFormat.Value format = findFormatOverrides(context, property, handledType());
        ValueDeserializer<?> contextual = super.createContextual(context, property);
        if (format == null || JsonFormat.Value.empty().equals(format)) {
            return contextual;
        }
        return contextual instanceof IsoDateDeserializer own ? own.getDelegatee() : contextual;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Object value = commonForm.apply(parser.getString());
            if (value != null) {
                return value;
            }
        }
        return _delegatee.deserialize(parser, context);
    }
}
