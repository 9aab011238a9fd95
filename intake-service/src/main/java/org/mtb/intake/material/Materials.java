package org.mtb.intake.material;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The stored materials as the application feature uses them: whose they are, and which application they serve. */
@Component
public class Materials {

    private static final Logger log = LoggerFactory.getLogger(Materials.class);

    private final MaterialStore store;
    private final Clock clock;
    /** Concurrent submissions' lookups read together: one {@code _id $in} find for all of them. */
    private final GroupCommit<Lookup> lookups;

    Materials(MaterialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lookups = new GroupCommit<>(this::readTogether);
    }

    /** One caller's ids, and what was found of them. */
    private record Lookup(Collection<String> ids, Map<String, Material> found) {
    }

    private List<@Nullable RuntimeException> readTogether(List<Lookup> group) {
        Set<String> all = new HashSet<>();
        group.forEach(lookup -> all.addAll(lookup.ids()));
        Map<String, Material> byId = new HashMap<>();
        store.findAll(all).forEach(material -> byId.put(material.id(), material));
        List<@Nullable RuntimeException> failures = new ArrayList<>(group.size());
        for (Lookup lookup : group) {
            lookup.ids().stream().filter(byId::containsKey).forEach(id -> lookup.found().put(id, byId.get(id)));
            failures.add(null);
        }
        return failures;
    }

    /**
     * The materials of these ids that the owner uploaded; ids of other owners or unknown ids are simply absent from
     * the map.
     */
    public Map<String, StoredMaterial> ownedBy(String owner, Collection<String> materialIds) {
        Map<String, StoredMaterial> owned = new LinkedHashMap<>();
        if (materialIds.isEmpty()) {
            return owned;
        }
        // Read by id alone, which the _id index answers, with the lookups of concurrent callers; the owner compared here.
        Lookup lookup = new Lookup(materialIds, new HashMap<>());
        lookups.write(lookup);
        for (Material material : lookup.found().values()) {
            if (material.owner().equals(owner)) {
                owned.put(material.id(), material.stored());
            }
        }
        return owned;
    }

    /**
     * Marks the materials as referenced by the application (so cleanup keeps them) diagnosed at {@code institution};
     * idempotent. Name only materials no application references yet ({@link StoredMaterial#applicationNumber()} null),
     * so that a reused scan keeps its first application.
     */
    public void attach(Collection<String> materialIds, String applicationNumber, @Nullable String institution) {
        if (materialIds.isEmpty()) {
            return;
        }
        long attached = store.attach(materialIds, applicationNumber, institution,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        log.debug("{} of {} material(s) now referenced by {}", attached, materialIds.size(), applicationNumber);
    }
}
