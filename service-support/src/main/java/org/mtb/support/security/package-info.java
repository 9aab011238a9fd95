/**
 * Every service as an OAuth2 resource server: signed JWT access tokens checked against the issuer's keys, the
 * caller's roles, regions and verified identity taken from the token ({@link org.mtb.support.security.Caller}), and
 * refusals answered as problem+json.
 */
@NullMarked
package org.mtb.support.security;

import org.jspecify.annotations.NullMarked;
