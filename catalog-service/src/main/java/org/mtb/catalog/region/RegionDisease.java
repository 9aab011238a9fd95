package org.mtb.catalog.region;

import org.mtb.contracts.DiseaseCategory;

/**
 * One disease on a region's list.
 *
 * @param categoryNote set only where the category is the project's own assignment, not the source's
 */
record RegionDisease(String code, String name, DiseaseCategory category, String codeSource, String nameSource,
        String categoryNote) {
}
