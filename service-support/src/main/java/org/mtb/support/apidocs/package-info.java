/**
 * Every service's OpenAPI 3.1 document ({@code /v3/api-docs}) and Swagger UI, with the security schemes a caller
 * must meet: the bearer token, and a channel's signature headers.
 */
@NullMarked
package org.mtb.support.apidocs;

import org.jspecify.annotations.NullMarked;
