/** catalog-service: loads each region's disease list from its data files, serves it and publishes it to the other services. */
@NullMarked
package org.mtb.catalog;

import org.jspecify.annotations.NullMarked;
