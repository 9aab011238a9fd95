package org.mtb.intake.material;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The stored materials as the application feature uses them: whose they are, and which application they serve. */
@Component
public class Materials {

    private static final Logger log = LoggerFactory.getLogger(Materials.class);

    private final MaterialStore store;
    private final Clock clock;

    Materials(MaterialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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
        // Read by id alone, which the _id index answers, and the owner compared here.
        for (Material material : store.findAll(materialIds)) {
            if (material.owner().equals(owner)) {
                owned.put(material.id(), material.stored());
            }
        }
        return owned;
    }

    /**
     * Marks the materials as referenced by the application (so cleanup keeps them); idempotent. A material already
     * referenced keeps its first application.
     */
    public void attach(Collection<String> materialIds, String applicationNumber) {
        if (materialIds.isEmpty()) {
            return;
        }
        long attached = store.attach(materialIds, applicationNumber, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        log.debug("{} of {} material(s) now referenced by {}", attached, materialIds.size(), applicationNumber);
    }
}
