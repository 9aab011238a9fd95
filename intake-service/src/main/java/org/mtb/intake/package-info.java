/** intake-service: takes applications from the channels, validates them, numbers them and tracks their progress. */
package org.mtb.intake;
