/**
 * HTTP answers every service gives alike: RFC 9457 problem details with a stable {@code code} and field errors,
 * for refusals and for failures nobody foresaw.
 */
@NullMarked
package org.mtb.support.web;

import org.jspecify.annotations.NullMarked;
