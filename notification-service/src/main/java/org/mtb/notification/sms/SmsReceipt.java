package org.mtb.notification.sms;

/** The provider's acknowledgement; {@code providerMessageId} is what its delivery reports will refer to. */
public record SmsReceipt(String providerMessageId) {
}
