package org.mtb.support.crypto;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A collection whose documents hold sealed values, as a service declares it (a bean) for {@link Resealing}.
 *
 * @param collection  its name
 * @param numberField the field holding the application number the values are sealed for ({@code _id} where the
 *                    document's id is the number)
 * @param contexts    per sealed field's dotted path ({@code applicant.phone}), the context of its value from the
 *                    application number, as the service sealed it
 */
public record SealedCollection(String collection, String numberField, Map<String, UnaryOperator<String>> contexts) {

    public SealedCollection {
        contexts = Map.copyOf(contexts);
    }
}
