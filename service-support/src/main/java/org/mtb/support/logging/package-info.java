/** What the services' shared logging configuration ({@code logback-spring.xml}) needs beyond logback's own parts. */
@NullMarked
package org.mtb.support.logging;

import org.jspecify.annotations.NullMarked;
