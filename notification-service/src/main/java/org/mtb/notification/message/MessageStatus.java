package org.mtb.notification.message;

/** PENDING until the first send; FAILED stays retryable until the attempts are used up. */
enum MessageStatus {
    PENDING,
    SENT,
    FAILED
}
