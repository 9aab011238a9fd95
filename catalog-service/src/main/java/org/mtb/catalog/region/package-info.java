/**
 * The regions' disease lists and policies: loaded and checked from the data files or imported by operators,
 * kept as immutable versions, served and announced.
 */
package org.mtb.catalog.region;
