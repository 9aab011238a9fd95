/** HTTP concerns shared by every feature: RFC 9457 problem answers with stable codes and field errors. */
package org.mtb.catalog.web;
