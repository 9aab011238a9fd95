package org.mtb.intake.application;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.SuppliedMaterial;

/**
 * One material item as stored with an application or a supplement: its type and name from the catalog, its files by
 * material id, and the document's date and issuer as the submitter stated them (needed where the catalog's rule asks,
 * kept for any item that gives them).
 */
record MaterialItem(String type, String name, List<String> materialIds, @Nullable LocalDate issuedOn,
        @Nullable String issuerName, @Nullable Integer issuerLevel) {

    /**
     * The item as review's events carry it: with its date and its issuer's level, which review's rules may need
     * though intake's catalog rule did not (Tiemenguan's instant filing (即时备案) reads the diagnosis's date).
     */
    SuppliedMaterial supplied() {
        return new SuppliedMaterial(type, materialIds, issuedOn, issuerLevel);
    }
}
