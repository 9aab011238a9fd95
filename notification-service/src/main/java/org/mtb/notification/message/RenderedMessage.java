package org.mtb.notification.message;

/** A message text ready to store and send. */
record RenderedMessage(String title, String body) {
}
