package org.mtb.support.web;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.util.ClassUtil;

/**
 * Gathers every field of a JSON body whose value Jackson cannot take, so that a client hears of all of them at once
 * rather than of the first: a value of the wrong JSON type (an object for a text, a text for a list) as
 * {@code WRONG_TYPE}, a value its type does not accept (a date that is no date, a name outside an enumeration, a word
 * for a number) as {@code INVALID_VALUE}. Such a field is read as empty (null; 0 or false for a primitive) and the
 * reading goes on; {@link FieldProblemsJsonConverter} then refuses the body with them all.
 *
 * <p>Only a read given a list of its own ({@link #FOUND}) gathers; any other read through a mapper with this handler
 * fails at the first problem, as Jackson does. The body itself of the wrong type (an array for an object) is left to
 * Jackson too: there is no field to name.
 */
final class BodyTypeProblems extends DeserializationProblemHandler {

    /** The attribute of a read that holds its list of {@link FieldProblem}s. */
    static final Object FOUND = BodyTypeProblems.class;

    @Override
    public @Nullable Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
            JsonParser parser, String failureMessage) {
        List<FieldProblem> found = found(context);
        boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        String field = found == null ? null : field(parser, opens);
        if (field == null) {
            return NOT_HANDLED;
        }
        found.add(wrongType(field));
        if (opens) {
            parser.skipChildren();
        }
        return emptyValue(targetType.getRawClass());
    }

    /**
     * A text, number or boolean where an object belongs ({@code "applicant": "x"}, {@code "hospital": 3}): Jackson finds
     * no creator that takes it and asks here rather than in {@link #handleUnexpectedToken}. Without this the reading
     * stopped there, and the fields after it went unnamed. Any other token (an object for a type with no creator at
     * all) is the server's model, not the client's, and left to Jackson.
     */
    @Override
    public @Nullable Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
            ValueInstantiator instantiator, JsonParser parser, String failureMessage) {
        List<FieldProblem> found = found(context);
        String field = found == null || !parser.currentToken().isScalarValue() ? null : field(parser, false);
        if (field == null) {
            return NOT_HANDLED;
        }
        found.add(wrongType(field));
        return emptyValue(instanceClass);
    }

    @Override
    public @Nullable Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
            String failureMessage) {
        return invalidValue(context, targetType);
    }

    @Override
    public @Nullable Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
            String failureMessage) {
        return invalidValue(context, targetType);
    }

    private static @Nullable Object invalidValue(DeserializationContext context, Class<?> targetType) {
        List<FieldProblem> found = found(context);
        String field = found == null ? null : field(context.getParser(), false);
        if (field == null) {
            return NOT_HANDLED;
        }
        found.add(new FieldProblem(field, "INVALID_VALUE", "has an invalid value" + allowed(targetType)));
        return emptyValue(targetType);
    }

    /** "; allowed: A, B" for an enumeration, nothing for any other type. */
    static String allowed(@Nullable Class<?> type) {
        return type != null && type.isEnum() ? "; allowed: " + Arrays.stream(type.getEnumConstants())
                .map(Object::toString).collect(Collectors.joining(", ")) : "";
    }

    @SuppressWarnings("unchecked")
    private static @Nullable List<FieldProblem> found(DeserializationContext context) {
        return context.getAttribute(FOUND) instanceof List<?> list ? (List<FieldProblem>) list : null;
    }

    /**
     * The path of the value the parser stands on ({@code applicant.phone}, {@code materials[0].type}), as Jackson's
     * own exceptions name it; null at the body itself. A value that opens an object or an array has already entered
     * it, so its place is its parent's.
     */
    private static @Nullable String field(JsonParser parser, boolean opens) {
        TokenStreamContext context = parser.streamReadContext();
        if (opens && context != null) {
            context = context.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.addFirst("[" + context.getCurrentIndex() + "]");
            } else {
                String name = context.currentName();
                if (name == null) {
                    return null;
                }
                parts.addFirst("." + name);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** A field whose value is of another JSON type than its own. */
    private static FieldProblem wrongType(String field) {
        return new FieldProblem(field, "WRONG_TYPE", "has the wrong JSON type");
    }

    /** What a field Jackson could not take is read as: nothing, or a primitive's zero. */
    private static @Nullable Object emptyValue(Class<?> type) {
        return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
    }
}
