/** notification-service: tells applicants by SMS and in-app message what happened to their application. */
package org.mtb.notification;
