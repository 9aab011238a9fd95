/**
 * The regions' disease lists and policies: loaded and checked from the data files or imported by operators,
 * kept as immutable versions, served and announced.
 */
@NullMarked
package org.mtb.catalog.region;

import org.jspecify.annotations.NullMarked;
