/** Events published by catalog-service. */
package org.mtb.contracts.catalog;
