package org.mtb.notification.sms;

import org.jspecify.annotations.Nullable;

/** Hands one text to an SMS provider. Throws when the provider did not accept it; the caller retries. */
@FunctionalInterface
public interface SmsGateway {

    @Nullable SmsReceipt send(String phone, String text);
}
