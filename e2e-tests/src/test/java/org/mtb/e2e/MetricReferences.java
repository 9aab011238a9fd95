package org.mtb.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mtb.stack.StackSettings;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The metric names the repository names, each with where: every expression of the alert rules
 * ({@code deploy/prometheus/rules/*.yml}) and of the Grafana dashboards ({@code deploy/grafana/provisioning/dashboards
 * /*.json}), and every name in backticks in the docs ({@code README.md}, a module's {@code README.md},
 * {@code docs/**}{@code /*.md}) that starts as the platform's metrics do.
 */
final class MetricReferences {

    static final String RULES = "deploy/prometheus/rules";
    static final String DASHBOARDS = "deploy/grafana/provisioning/dashboards";

    /** Series Prometheus makes itself, which no service exposes. */
    static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE", "scrape_duration_seconds",
            "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added");

    /** MongoDB collections the docs name that start as metrics do (the databases are taken from the stack). */
    private static final Set<String> COLLECTIONS = Set.of("review_cases", "catalog_regions");

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern DOC_NAME = Pattern.compile("(?<![A-Za-z0-9_./:-])"
            + "((?:mtb|review|intake|notification|catalog|spring_cloud_stream|kafka)_[a-z0-9_]*[a-z0-9])"
            + "(?![A-Za-z0-9_./-])");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*(?![A-Za-z0-9_:])");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "sum", "min", "max", "avg",
            "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk",
            "limit_ratio", "atan2");

    private final Map<String, Set<String>> places = new TreeMap<>();
    private final Set<String> recorded = new LinkedHashSet<>();

    private MetricReferences() {
    }

    /** Reads the rules, dashboards and docs of the repository at {@code repo}. */
    static MetricReferences in(Path repo) {
        MetricReferences references = new MetricReferences();
        for (Path file : files(repo.resolve(RULES), ".yml")) {
            references.readRules(file, repo.relativize(file).toString());
        }
        for (Path file : files(repo.resolve(DASHBOARDS), ".json")) {
            references.readDashboard(Http.JSON.readTree(read(file)), null, repo.relativize(file).toString());
        }
        Set<String> notMetrics = new LinkedHashSet<>(COLLECTIONS);
        StackSettings stack = StackSettings.defaults(repo);
        StackSettings.SERVICES.forEach(service -> notMetrics.add(stack.mongoDatabase(service)));
        for (Path file : docs(repo)) {
            String where = repo.relativize(file).toString();
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                for (String name : namesInMarkdown(lines.get(i))) {
                    if (!notMetrics.contains(name)) {
                        references.add(name, where + ":" + (i + 1));
                    }
                }
            }
        }
        return references;
    }

    /** Every name with the places that name it, sorted by name. */
    Map<String, Set<String>> places() {
        return places;
    }

    /** The names {@code exposed} does not accept, each with the places that name it. */
    Map<String, Set<String>> notExposed(Predicate<String> exposed) {
        Map<String, Set<String>> missing = new TreeMap<>();
        places.forEach((name, where) -> {
            if (!exposed.test(name)) {
                missing.put(name, where);
            }
        });
        return missing;
    }

    /** The metric names a PromQL expression reads: no function, keyword, label, duration or Grafana variable. */
    static Set<String> namesInPromQl(String expression) {
        String bare = STRING.matcher(expression).replaceAll("\"\"");
        bare = COMMENT.matcher(bare).replaceAll(" ");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = LABEL_LIST.matcher(bare).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean called = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!called && !PROMQL_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Names in backticks that start as the platform's metrics do, without their label list. */
    static Set<String> namesInMarkdown(String line) {
        Set<String> names = new LinkedHashSet<>();
        Matcher code = INLINE_CODE.matcher(line);
        while (code.find()) {
            String bare = LABEL_MATCHERS.matcher(STRING.matcher(code.group(1)).replaceAll("\"\"")).replaceAll(" ");
            Matcher name = DOC_NAME.matcher(bare);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** One line per name, with the places that name it: for a failure message. */
    static String describe(Map<String, Set<String>> names) {
        return names.entrySet().stream().map(e -> "  " + e.getKey() + "  <- " + String.join("; ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** Surefire runs in the module directory, an IDE maybe at the root: looks upwards for the compose file. */
    static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))
                    && Files.isRegularFile(candidate.resolve("mvnw"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No docker-compose.yml next to mvnw in " + dir + " or above");
    }

    private void readRules(Path file, String where) {
        Map<String, Object> content;
        try (Reader reader = Files.newBufferedReader(file)) {
            content = new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Object group : list(content == null ? null : content.get("groups"))) {
            for (Object rule : list(((Map<?, ?>) group).get("rules"))) {
                Map<?, ?> fields = (Map<?, ?>) rule;
                if (fields.get("record") != null) {
                    recorded.add(String.valueOf(fields.get("record")));
                }
                String name = fields.get("alert") != null ? "alert " + fields.get("alert")
                        : "record " + fields.get("record");
                namesInPromQl(String.valueOf(fields.get("expr"))).forEach(n -> add(n, where + ", " + name));
            }
        }
        recorded.forEach(places::remove);
    }

    private void readDashboard(JsonNode node, String panel, String where) {
        if (node.isObject()) {
            String title = node.has("targets") ? node.path("title").asString() : panel;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    String place = where + (title == null ? "" : ", panel \"" + title + "\"");
                    namesInPromQl(field.getValue().asString()).forEach(name -> add(name, place));
                } else {
                    readDashboard(field.getValue(), title, where);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> readDashboard(child, panel, where));
        }
    }

    private void add(String name, String where) {
        if (!MADE_BY_PROMETHEUS.contains(name) && !recorded.contains(name)) {
            places.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(where);
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** README.md, each module's README.md and docs/**.md, where present. */
    private static List<Path> docs(Path repo) {
        List<Path> docs = new ArrayList<>();
        if (Files.isRegularFile(repo.resolve("README.md"))) {
            docs.add(repo.resolve("README.md"));
        }
        try (Stream<Path> modules = Files.list(repo)) {
            modules.filter(Files::isDirectory).filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .map(dir -> dir.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path docsDir = repo.resolve("docs");
        if (Files.isDirectory(docsDir)) {
            try (Stream<Path> walk = Files.walk(docsDir)) {
                walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No directory " + dir);
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
