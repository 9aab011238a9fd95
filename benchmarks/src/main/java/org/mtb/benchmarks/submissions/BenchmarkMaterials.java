package org.mtb.benchmarks.submissions;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.mtb.stack.StackSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prepares, once before the phases and outside every measurement, the materials each submission names: for each
 * region and disease of {@link ApplicationBodies}, the mandatory materials of the region's policy and of the disease
 * as catalog-service lists them, a small PNG uploaded to intake for each as the region's channel (signed like its
 * submissions), and the version of the truthfulness declaration. Intake answers the same material for the same bytes
 * of the same type from the same channel, so one upload per channel and type serves every disease that needs the
 * type. Every item is dated a month ago by a level-3 hospital, which meets each freshness and level rule.
 */
final class BenchmarkMaterials {

    private static final String BOUNDARY = "mtb-benchmark-5c1e07a9";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final int ISSUER_LEVEL = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final ChannelCredentials channels;
    private final String catalogUrl;
    private final String intakeUrl;
    private final byte[] scan = scan();

    BenchmarkMaterials(StackSettings settings, ChannelCredentials channels, JsonMapper json) {
        this.json = json;
        this.channels = channels;
        this.catalogUrl = "http://127.0.0.1:" + settings.servicePort("catalog");
        this.intakeUrl = "http://127.0.0.1:" + settings.servicePort("intake");
    }

    /**
     * Reads the rules and uploads. Intake refuses uploads until catalog-service's catalogs have reached it over Kafka,
     * some time after health: such refusals are tried again until {@code patience} has passed.
     */
    PreparedMaterials prepare(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        String issuedOn = LocalDate.now().minusMonths(1).toString();
        Map<String, List<SubmitBody.Item>> items = new LinkedHashMap<>();
        Map<String, String> uploaded = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : ApplicationBodies.diseasesByRegion().entrySet()) {
            String region = entry.getKey();
            SubmitBody.Issuer issuer = new SubmitBody.Issuer(ApplicationBodies.hospital(region), ISSUER_LEVEL);
            JsonNode policy = get(region, catalogUrl + "/api/v1/regions/" + region + "/policy");
            for (String disease : entry.getValue()) {
                List<SubmitBody.Item> ofDisease = new ArrayList<>();
                for (String type : mandatoryTypes(policy, get(region,
                        catalogUrl + "/api/v1/regions/" + region + "/diseases/" + disease))) {
                    String materialId = uploaded.get(region + "/" + type);
                    if (materialId == null) {
                        materialId = upload(region, disease, type, deadline);
                        uploaded.put(region + "/" + type, materialId);
                    }
                    ofDisease.add(new SubmitBody.Item(type, List.of(materialId), issuedOn, issuer));
                }
                items.put(PreparedMaterials.key(region, disease), List.copyOf(ofDisease));
            }
        }
        String firstRegion = ApplicationBodies.regionCode(0);
        String version = get(firstRegion, intakeUrl + "/api/v1/applications/declaration").get("version").asString();
        SubmissionBenchmark.report("materials", "%d uploads (one per channel and type) for %d diseases in %d regions,"
                + " %d to %d items a submission; declaration %s; %.1f s", uploaded.size(), items.size(),
                ApplicationBodies.diseasesByRegion().size(),
                items.values().stream().mapToInt(List::size).min().orElse(0),
                items.values().stream().mapToInt(List::size).max().orElse(0), version,
                (System.nanoTime() - start) / 1e9);
        return new PreparedMaterials(items, version);
    }

    /** The region's rules, then the disease's own, which replace a region rule of the same type; the mandatory ones. */
    private static List<String> mandatoryTypes(JsonNode policy, JsonNode disease) {
        Map<String, String> requirements = new LinkedHashMap<>();
        policy.path("policy").path("materials").valueStream()
                .forEach(rule -> requirements.put(rule.get("type").asString(), rule.path("requirement").asString()));
        disease.path("additionalMaterials").valueStream()
                .forEach(rule -> requirements.put(rule.get("type").asString(), rule.path("requirement").asString()));
        return requirements.entrySet().stream().filter(rule -> "MANDATORY".equals(rule.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** A GET as the region's channel: signed, with the empty body's digest. */
    private JsonNode get(String region, String url) throws InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).GET(),
                channels.headers(region, new byte[0]));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }

    /** The scan as a material of this type, uploaded as the region's channel (201, or 200 for an earlier upload). */
    private String upload(String region, String disease, String type, long deadline) throws InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("regionCode", region);
        fields.put("diseaseCode", disease);
        byte[] body = multipart(fields, scan);
        while (true) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/materials"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)), channels.headers(region, body));
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                return json.readTree(answer.body()).get("materialId").asString();
            }
            // 503 CATALOG_NOT_LOADED, or 422 for a region or disease whose catalog has not arrived yet.
            boolean catalogPending = answer.statusCode() == 503 || answer.statusCode() == 422;
            if (!catalogPending || System.nanoTime() > deadline) {
                throw new IllegalStateException("intake-service refused the upload of " + type + " for disease "
                        + disease + " of region " + region + ": " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(RETRY_PAUSE);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers)
            throws InterruptedException {
        headers.forEach(request::header);
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 16×16 PNG, the same bytes on every call, so that intake takes it once per channel and type. */
    private static byte[] scan() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            image.setRGB(x, x, 0xFFFFFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] multipart(Map<String, String> fields, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
