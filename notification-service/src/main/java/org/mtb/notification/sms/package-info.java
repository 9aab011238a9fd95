/** The way out to the SMS provider; until a provider is contracted, a gateway that records what it would send. */
package org.mtb.notification.sms;
