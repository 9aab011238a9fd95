/** The regions' disease lists: loaded and checked from the data files, kept as immutable versions, served and announced. */
package org.mtb.catalog.region;
