/** Submitting an application: validation, acceptance number, idempotent retries and the stored record. */
@NullMarked
package org.mtb.intake.application;

import org.jspecify.annotations.NullMarked;
