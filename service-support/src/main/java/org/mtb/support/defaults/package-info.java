/** The settings every service runs with, read below each service's own configuration. */
@NullMarked
package org.mtb.support.defaults;

import org.jspecify.annotations.NullMarked;
