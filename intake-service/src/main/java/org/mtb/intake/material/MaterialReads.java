package org.mtb.intake.material;

import java.util.List;
import org.mtb.support.crypto.PersonalDataAccessLog;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Who may read a material: its owner, and reviewers and supervisors acting in its region. Anyone else is answered as
 * if it did not exist. The bytes are personal data (ID cards, diagnoses): a reading by anyone but the owner is
 * written to the {@link PersonalDataAccessLog} before they are answered; the metadata (type, size, hash) is not.
 */
@Component
class MaterialReads {

    static final String PURPOSE = "review of materials";

    private final MaterialStore store;
    private final PersonalDataAccessLog accessLog;

    MaterialReads(MaterialStore store, PersonalDataAccessLog accessLog) {
        this.store = store;
        this.accessLog = accessLog;
    }

    /** The bytes of a material with the material. */
    record Content(Material material, Resource bytes) {
    }

    Material find(Caller caller, String materialId) {
        return store.find(materialId).filter(material -> mayRead(caller, material))
                .orElseThrow(() -> MaterialProblems.notFound());
    }

    Content content(Caller caller, String materialId) {
        Material material = find(caller, materialId);
        if (!isOwner(caller, material)) {
            String record = material.applicationNumber() != null ? material.applicationNumber() : material.id();
            accessLog.record(caller, record, List.of("material:" + material.type()), PURPOSE);
        }
        return store.content(material).map(bytes -> new Content(material, bytes))
                .orElseThrow(() -> MaterialProblems.notFound());
    }

    static boolean mayRead(Caller caller, Material material) {
        return isOwner(caller, material)
                || caller.hasAny(Role.REVIEWER, Role.SUPERVISOR) && caller.covers(material.regionCode(),
                        material.institution());
    }

    private static boolean isOwner(Caller caller, Material material) {
        return material.owner().equals(caller.subject());
    }
}
