package org.mtb.notification.sms;

/** Hands one text to an SMS provider. Throws when the provider did not accept it; the caller retries. */
@FunctionalInterface
public interface SmsGateway {

    SmsReceipt send(String phone, String text);
}
