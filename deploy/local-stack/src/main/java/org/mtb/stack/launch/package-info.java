/**
 * The one class the local stack puts on a service JVM's class path besides the service's libraries: it loads the
 * project's own code apart from them. Depends on the JDK alone.
 */
package org.mtb.stack.launch;
