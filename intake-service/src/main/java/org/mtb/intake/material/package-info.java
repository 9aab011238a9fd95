/**
 * Applicants' materials: uploads checked from their bytes (type, size, image dimensions, PDF active content), stored
 * in GridFS, read back by their owner and the region's reviewers, and removed when no application references them.
 */
@NullMarked
package org.mtb.intake.material;

import org.jspecify.annotations.NullMarked;
