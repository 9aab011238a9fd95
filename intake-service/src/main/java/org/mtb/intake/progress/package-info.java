/** Moves an application's status and timeline as review reports on it; idempotent on event ids. */
package org.mtb.intake.progress;
