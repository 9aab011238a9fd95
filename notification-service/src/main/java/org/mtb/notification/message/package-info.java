/**
 * The messages applicants receive: rendered once per event and channel, stored (the store doubles as the
 * idempotency check), delivered by SMS with retries, and listed over HTTP for the app's inbox.
 */
@NullMarked
package org.mtb.notification.message;

import org.jspecify.annotations.NullMarked;
