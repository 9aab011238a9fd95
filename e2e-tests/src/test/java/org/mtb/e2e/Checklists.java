package org.mtb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decision bodies that answer a case's whole checklist (the region's criteria, then the disease's), read from the
 * catalogs the shipped region files publish (contracts' golden catalogs, kept equal to them by a catalog test).
 */
final class Checklists {

    private static final Path CATALOGS = Path.of("..", "contracts", "src", "test", "resources", "catalogs");

    private Checklists() {
    }

    /** An approval with every point met. */
    static String approval(String region, String disease) {
        return "{\"outcome\":\"APPROVED\"," + checklist(region, disease) + "}";
    }

    /** A rejection naming one of the region's coded reasons, with the reviewer's own words. */
    static String rejection(String region, String disease, String reasonCode, String words) {
        return "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"" + reasonCode + "\"],\"reasons\":[\"" + words + "\"],"
                + checklist(region, disease) + "}";
    }

    private static String checklist(String region, String disease) {
        JsonNode catalog = read(region);
        List<String> codes = new ArrayList<>();
        catalog.path("policy").path("review").path("criteria").forEach(c -> codes.add(c.get("code").asString()));
        catalog.path("diseases").forEach(d -> {
            if (d.get("code").asString().equals(disease)) {
                d.path("criteria").forEach(c -> codes.add(c.get("code").asString()));
            }
        });
        return "\"checklist\":[" + String.join(",", codes.stream()
                .map(code -> "{\"code\":\"" + code + "\",\"met\":true}").toList()) + "]";
    }

    private static JsonNode read(String region) {
        try {
            return Http.JSON.readTree(Files.readString(CATALOGS.resolve(region + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
