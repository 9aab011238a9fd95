/**
 * Personal data encrypted field by field: each value sealed with the key the ring names current and carrying that
 * key's id, so that keys rotate without downtime ({@link org.mtb.support.crypto.FieldCipher}); lookups by a keyed
 * blind index instead of the clear value ({@link org.mtb.support.crypto.BlindIndex}); keys from a
 * {@link org.mtb.support.crypto.KeyRing}, a file in the embedded default, a KMS in a deployment.
 */
@NullMarked
package org.mtb.support.crypto;

import org.jspecify.annotations.NullMarked;
