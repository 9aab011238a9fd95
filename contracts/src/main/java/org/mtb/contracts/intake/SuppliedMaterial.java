package org.mtb.contracts.intake;

import java.util.List;

/**
 * The files given for one material item, by their material ids (one item may hold several files: an ID card's front
 * and back, a record's pages).
 *
 * @param type the material type, as the region's catalog names it
 */
public record SuppliedMaterial(String type, List<String> materialIds) {
}
