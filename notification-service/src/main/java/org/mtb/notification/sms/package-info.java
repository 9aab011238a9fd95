/** The way out to the SMS provider; until a provider is contracted, a gateway that records what it would send. */
@NullMarked
package org.mtb.notification.sms;

import org.jspecify.annotations.NullMarked;
