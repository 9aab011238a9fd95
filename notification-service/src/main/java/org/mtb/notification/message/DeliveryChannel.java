package org.mtb.notification.message;

/** How a message reaches the applicant: the app's message inbox, or an SMS to the phone on the application. */
enum DeliveryChannel {
    IN_APP,
    SMS
}
