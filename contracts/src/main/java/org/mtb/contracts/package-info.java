/** Event records, topic names and personal-data masking shared by every service; no framework code. */
package org.mtb.contracts;
