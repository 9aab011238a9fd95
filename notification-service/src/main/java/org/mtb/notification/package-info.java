/** notification-service: tells applicants by SMS and in-app message what happened to their application. */
@NullMarked
package org.mtb.notification;

import org.jspecify.annotations.NullMarked;
