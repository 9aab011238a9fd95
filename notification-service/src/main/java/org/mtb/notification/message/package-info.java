/**
 * The messages applicants receive: rendered once per event and channel, stored a Kafka poll at a time (the store
 * doubles as the idempotency check, so a redelivered event only reads), delivered by SMS with retries, and listed
 * over HTTP for the app's inbox.
 */
@NullMarked
package org.mtb.notification.message;

import org.jspecify.annotations.NullMarked;
