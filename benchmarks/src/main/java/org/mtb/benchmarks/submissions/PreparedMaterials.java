package org.mtb.benchmarks.submissions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every submission of a run names besides the person: the material items of its region and disease, each with
 * an upload of the region's channel ({@link BenchmarkMaterials}), and the version of the truthfulness declaration it
 * confirms.
 *
 * @param items by {@link #key(String, String)} of region and disease
 */
record PreparedMaterials(Map<String, List<SubmitBody.Item>> items, String declarationVersion) {

    PreparedMaterials {
        items = Map.copyOf(items);
    }

    static String key(String regionCode, String diseaseCode) {
        return regionCode + "/" + diseaseCode;
    }

    List<SubmitBody.Item> items(String regionCode, String diseaseCode) {
        List<SubmitBody.Item> prepared = items.get(key(regionCode, diseaseCode));
        if (prepared == null) {
            throw new IllegalArgumentException("No materials prepared for disease " + diseaseCode + " of region "
                    + regionCode);
        }
        return prepared;
    }

    /**
     * Fixed stand-ins, never uploaded, for code that only serializes bodies and sends none (the MongoDB baseline's
     * payload): one item per application, of a real item's shape.
     */
    static PreparedMaterials placeholders() {
        Map<String, List<SubmitBody.Item>> items = new HashMap<>();
        ApplicationBodies.diseasesByRegion().forEach((region, diseases) -> {
            List<SubmitBody.Item> item = List.of(new SubmitBody.Item("DIAGNOSIS_CERTIFICATE",
                    List.of("00000000-0000-0000-0000-000000000000"), "2026-01-01",
                    new SubmitBody.Issuer(ApplicationBodies.hospital(region), 3)));
            diseases.forEach(disease -> items.put(key(region, disease), item));
        });
        return new PreparedMaterials(items, "placeholder");
    }
}
