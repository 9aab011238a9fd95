/** Event records, topic names and personal-data masking shared by every service; no framework code. */
@NullMarked
package org.mtb.contracts;

import org.jspecify.annotations.NullMarked;
