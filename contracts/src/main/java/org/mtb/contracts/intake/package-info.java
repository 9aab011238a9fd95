/** Events published by intake-service. */
package org.mtb.contracts.intake;
