package org.mtb.contracts.catalog;

import org.mtb.contracts.DiseaseCategory;

/** One disease on a region's list. */
public record CatalogDisease(String code, String name, DiseaseCategory category) {
}
