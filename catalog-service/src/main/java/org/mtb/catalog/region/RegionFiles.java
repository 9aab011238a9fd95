package org.mtb.catalog.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the region files and refuses them all, naming every problem, if any one is unreadable or invalid. */
final class RegionFiles {

    private RegionFiles() {
    }

    /**
     * The files matching {@code pattern}, in file name order.
     *
     * @throws IllegalStateException listing every problem of every file, when there is one
     */
    static List<RegionFile> load(String pattern, JsonMapper json) {
        Map<String, RegionFile> filesByName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Resource[] resources = resources(pattern);
        if (resources.length == 0) {
            problems.add("no region file matches " + pattern);
        }
        Arrays.sort(resources, Comparator.comparing(RegionFiles::name));
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                RegionFile file = json.readValue(in, RegionFile.class);
                if (file == null) {
                    problems.add(name(resource) + ": holds no region");
                } else {
                    filesByName.put(name(resource), file);
                }
            } catch (JacksonException | IOException e) {
                problems.add(name(resource) + ": cannot be read: " + e.getMessage());
            }
        }
        problems.addAll(RegionFileValidator.validate(filesByName));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The region files (" + pattern + ") have " + problems.size()
                    + " problem(s); nothing was loaded:\n - " + String.join("\n - ", problems));
        }
        return List.copyOf(filesByName.values());
    }

    private static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for region files " + pattern, e);
        }
    }

    private static String name(Resource resource) {
        return resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
    }
}
