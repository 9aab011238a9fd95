/** Events published by catalog-service. */
@NullMarked
package org.mtb.contracts.catalog;

import org.jspecify.annotations.NullMarked;
