package org.mtb.support.crypto;

/**
 * Where the keys of personal data come from. The embedded default keeps them in a file ({@link FileKeyRing}); a
 * deployment implements this over its KMS. A key once used stays readable for as long as a value sealed with it may
 * exist: rotation adds a key and makes it current, it never removes the old one before re-encryption has moved every
 * value off it.
 */
public interface KeyRing {

    /** The key new values are sealed with. */
    DataKey current();

    /** A key by its id, current or earlier; throws {@link IllegalArgumentException} for an unknown id. */
    DataKey key(String id);

    /** The key of the blind index, kept apart from the data keys and not rotated with them. */
    byte[] indexKey();
}
