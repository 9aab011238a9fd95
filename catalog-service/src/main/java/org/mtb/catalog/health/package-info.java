/** Health checks that the embedded MongoDB server answers as honestly as a real one. */
package org.mtb.catalog.health;
