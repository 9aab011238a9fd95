package org.mtb.contracts.intake;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The files given for one material item, by their material ids (one item may hold several files: an ID card's front
 * and back, a record's pages).
 *
 * @param type the material type, as the region's catalog names it
 * @param issuedOn the document's date as the submission stated it (a diagnosis certificate's); null where the item
 *        states none, and in an event written before it was carried
 * @param issuerLevel the level (1-3) of the hospital that issued it, as the submission stated it; null likewise
 */
public record SuppliedMaterial(String type, List<String> materialIds, @Nullable LocalDate issuedOn,
        @Nullable Integer issuerLevel) {

    /** An item without its date and issuer, as events before them carried it. */
    public SuppliedMaterial(String type, List<String> materialIds) {
        this(type, materialIds, null, null);
    }
}
