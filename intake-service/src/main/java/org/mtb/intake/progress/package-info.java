/** Moves an application's status and timeline as review reports on it; idempotent on event ids. */
@NullMarked
package org.mtb.intake.progress;

import org.jspecify.annotations.NullMarked;
