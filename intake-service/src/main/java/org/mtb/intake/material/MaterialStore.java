package org.mtb.intake.material;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.ObsoleteIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Component;

/**
 * The materials' metadata (collection {@value Material#COLLECTION}) and their bytes (GridFS). Every query names
 * exactly the fields of one index, as the embedded MongoDB server needs to use it.
 */
@Component
class MaterialStore {

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;

    MaterialStore(MongoTemplate mongo, GridFsTemplate gridFs) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        // The same upload stored twice, as by two concurrent requests, fails the insert instead of storing twice.
        mongo.indexOps(Material.class).createIndex(new Index().on("owner", Sort.Direction.ASC)
                .on("regionCode", Sort.Direction.ASC).on("type", Sort.Direction.ASC).on("sha256", Sort.Direction.ASC)
                .unique().named("same_upload"));
        mongo.indexOps(Material.class).createIndex(new Index().on("applicationNumber", Sort.Direction.ASC)
                .on("uploadedAt", Sort.Direction.ASC).named("unreferenced"));
        // Attaching and removing are conditional on (_id, applicationNumber), which the _id index answers.
        ObsoleteIndexes.drop(mongo, mongo.getCollectionName(Material.class), ObsoleteIndexes.ID_AND_MORE,
                "id_application");
    }

    /** What {@link #add} stored: the material, and whether it is new or the same upload stored before. */
    record Added(Material material, boolean created) {
    }

    Optional<Material> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Material.class));
    }

    /**
     * The materials of these ids, read by the {@code _id} index and made from their documents here ({@link #read}): one
     * read per submission's group of lookups, where Spring Data's query mapping and converter had been 4 % of intake's
     * CPU samples under load (JFR, 2026-12-06).
     */
    List<Material> findAll(Collection<String> ids) {
        Document byIds = new Document("_id", new Document("$in", List.copyOf(ids)));
        return mongo.execute(Material.COLLECTION, materials -> {
            List<Material> found = new ArrayList<>(ids.size());
            for (Document stored : materials.find(byIds)) {
                found.add(read(stored));
            }
            return found;
        });
    }

    /**
     * A material from its stored document, as the converter reads it ({@code MaterialStoreTests} compares the two for
     * every field, set and unset); a property added to {@link Material} must be read here too.
     */
    static Material read(Document stored) {
        return new Material(stored.getString("_id"), stored.getString("owner"), stored.getString("ownerRole"),
                stored.getString("regionCode"), stored.getString("type"),
                MaterialFormat.valueOf(stored.getString("format")), stored.getString("mediaType"),
                ((Number) stored.get("size")).longValue(), stored.getString("sha256"), stored.getObjectId("gridFsId"),
                instant(stored.getDate("uploadedAt")), stored.getString("applicationNumber"),
                instant(stored.getDate("referencedAt")), stored.getString("institution"));
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    Optional<Material> findSame(String owner, String regionCode, String type, String sha256) {
        return Optional.ofNullable(mongo.findOne(query(where("owner").is(owner).and("regionCode").is(regionCode)
                .and("type").is(type).and("sha256").is(sha256)), Material.class));
    }

    /**
     * Stores the checked bytes, then the material. If the same upload was stored meanwhile (the unique index refuses
     * this one), these bytes are removed again and that material is answered.
     */
    Added add(Material material, Path content) {
        try (InputStream in = Files.newInputStream(content)) {
            gridFs.store(GridFsUpload.fromStream(in).id(material.gridFsId()).filename(material.id())
                    .contentType(material.mediaType()).metadata(new Document("materialId", material.id())).build());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checked upload back", e);
        }
        try {
            mongo.insert(material);
            return new Added(material, true);
        } catch (DuplicateKeyException e) {
            deleteContent(material.gridFsId());
            return new Added(findSame(material.owner(), material.regionCode(), material.type(), material.sha256())
                    .orElseThrow(() -> e), false);
        } catch (RuntimeException e) {
            deleteContent(material.gridFsId());
            throw e;
        }
    }

    /** The bytes of a material; empty if they are gone (removed by a cleanup while being asked for). */
    Optional<GridFsResource> content(Material material) {
        GridFSFile file = gridFs.findOne(query(where("_id").is(material.gridFsId())));
        return file == null ? Optional.empty() : Optional.of(gridFs.getResource(file));
    }

    /** Sets the application on those of the materials no application references yet; the others keep theirs. */
    long attach(Collection<String> ids, String applicationNumber, @Nullable String institution, Instant at) {
        // By id alone, which the embedded MongoDB answers from the _id index (a second condition would make it read
        // every material); the callers pass only materials no application references yet.
        return mongo.updateMulti(query(where("_id").in(ids)),
                new Update().set("applicationNumber", applicationNumber).set("referencedAt", at)
                        .set("institution", institution), Material.class).getModifiedCount();
    }

    List<Material> unreferencedUploadedBefore(Instant cutoff, int limit) {
        return mongo.find(query(where("applicationNumber").is(null).and("uploadedAt").lt(cutoff)).limit(limit),
                Material.class);
    }

    /** Removes a material still unreferenced, then its bytes; false if an application referenced it meanwhile. */
    boolean removeUnreferenced(Material material) {
        long removed = mongo.remove(query(where("_id").is(material.id()).and("applicationNumber").is(null)),
                Material.class).getDeletedCount();
        if (removed == 0) {
            return false;
        }
        deleteContent(material.gridFsId());
        return true;
    }

    private void deleteContent(ObjectId gridFsId) {
        gridFs.delete(query(where("_id").is(gridFsId)));
    }
}
