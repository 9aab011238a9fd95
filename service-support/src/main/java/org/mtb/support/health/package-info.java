/**
 * Health checks that the embedded MongoDB server answers as honestly as a real one, and the health of what a service
 * must hold before it can serve ({@link org.mtb.support.health.HeldPrerequisite}).
 */
@NullMarked
package org.mtb.support.health;

import org.jspecify.annotations.NullMarked;
