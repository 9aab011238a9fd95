package org.mtb.intake.material;

import java.time.Instant;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored material: the metadata of a checked upload, whose bytes are the GridFS file {@code gridFsId}. The same
 * bytes uploaded again by the same owner, for the same type and region, are the same material (unique index); the same
 * bytes as another type are a second material, since one scanned PDF may serve two items of a list.
 *
 * @param id random and URL-safe
 * @param owner the uploader's subject
 * @param ownerRole the role the owner uploaded in: CHANNEL, COUNTER_CLERK or APPLICANT
 * @param mediaType the media type detected from the bytes, answered with the content
 * @param sha256 the bytes' SHA-256, lower-case hex
 * @param applicationNumber the application that references it, null until one does (and then cleanup keeps it)
 * @param referencedAt when the application first referenced it
 * @param institution the diagnosing institution (定点医药机构编号) of that application, if it named one: a reviewer
 *        narrowed to an institution reads only the materials of its cases
 */
@Document(Material.COLLECTION)
record Material(
        @Id String id,
        String owner,
        String ownerRole,
        String regionCode,
        String type,
        MaterialFormat format,
        String mediaType,
        long size,
        String sha256,
        ObjectId gridFsId,
        Instant uploadedAt,
        @Nullable String applicationNumber,
        @Nullable Instant referencedAt,
        @Nullable String institution) {

    static final String COLLECTION = "materials";

    StoredMaterial stored() {
        return new StoredMaterial(id, owner, regionCode, type, format.name(), size, sha256, uploadedAt,
                applicationNumber);
    }
}
