/** Submitting an application: validation, acceptance number, idempotent retries and the stored record. */
package org.mtb.intake.application;
