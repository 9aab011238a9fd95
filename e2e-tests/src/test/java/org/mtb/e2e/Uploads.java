package org.mtb.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Uploads the materials an application needs, as the applicant's app or a channel does: it reads the region's
 * mandatory materials and the disease's own from the catalog's API, uploads a scan for each as the submitting
 * account (a channel's upload signed like its other requests), and answers the {@code materials} of a submission,
 * each dated a month ago from a level-3 hospital. Kept per account, region and disease: an upload is reused.
 */
final class Uploads {

    private static final String BOUNDARY = "e2e-7f3a91";

    private final Http http;
    private final Function<String, String> catalogUrl;
    private final Function<String, String> intakeUrl;
    private final java.util.function.Supplier<String> reader;
    private final Map<String, String> done = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> rules = new ConcurrentHashMap<>();

    /** @param reader a person's token to read the catalog and the declaration with (a channel must sign its reads) */
    Uploads(Http http, Function<String, String> catalogUrl, Function<String, String> intakeUrl,
            java.util.function.Supplier<String> reader) {
        this.reader = reader;
        this.http = http;
        this.catalogUrl = catalogUrl;
        this.intakeUrl = intakeUrl;
    }

    /** The body with its complete materials and the truthfulness declaration confirmed. */
    String complete(String body, String token, @Nullable ChannelSigner signer) {
        JsonNode request = Http.JSON.readTree(body);
        String items = items(request.get("regionCode").asString(), request.get("diseaseCode").asString(), token,
                signer, List.of());
        return body.substring(0, body.lastIndexOf('}')) + ",\"materials\":" + items
                + ",\"declaration\":{\"accepted\":true,\"version\":\"" + declarationVersion() + "\"}}";
    }

    /** The mandatory items of the region and disease, less those named, each with an uploaded scan. */
    String items(String region, String disease, String token, @Nullable ChannelSigner signer, List<String> leaveOut) {
        List<String> items = new ArrayList<>();
        for (JsonNode rule : mandatory(region, disease)) {
            String type = rule.get("type").asString();
            if (!leaveOut.contains(type)) {
                items.add(item(type, upload(region, disease, type, token, signer)));
            }
        }
        return "[" + String.join(",", items) + "]";
    }

    static String item(String type, String materialId) {
        return "{\"type\":\"" + type + "\",\"materialIds\":[\"" + materialId + "\"],\"issuedOn\":\""
                + LocalDate.now().minusMonths(1) + "\",\"issuer\":{\"name\":\"市人民医院\",\"level\":3}}";
    }

    List<JsonNode> mandatory(String region, String disease) {
        return this.rules.computeIfAbsent(region + "|" + disease, key -> read(region, disease, reader.get()));
    }

    private List<JsonNode> read(String region, String disease, String token) {
        List<JsonNode> rules = new ArrayList<>();
        http.get(catalogUrl.apply("/api/v1/regions/" + region + "/policy"), token).json().path("policy")
                .path("materials").valueStream().forEach(rules::add);
        http.get(catalogUrl.apply("/api/v1/regions/" + region + "/diseases/" + disease), token).json()
                .path("additionalMaterials").valueStream().forEach(rules::add);
        return rules.stream().filter(rule -> "MANDATORY".equals(rule.path("requirement").asString())).toList();
    }

    String declarationVersion() {
        return http.get(intakeUrl.apply("/api/v1/applications/declaration"), reader.get()).json().get("version")
                .asString();
    }

    /** Uploads a scan as the account (signed, for a channel); the same scan again answers the same material. */
    String upload(String region, String disease, String type, String token, @Nullable ChannelSigner signer) {
        String key = token.hashCode() + "|" + region + "|" + disease + "|" + type;
        return done.computeIfAbsent(key, k -> {
            Http.Answer answer = uploadAnswer(region, disease, type, token, signer, scan(0));
            if (answer.status() != 200 && answer.status() != 201) {
                throw new IllegalStateException("Upload of " + type + " refused: " + answer.body());
            }
            return answer.json().get("materialId").asString();
        });
    }

    Http.Answer uploadAnswer(String region, String disease, String type, String token, @Nullable ChannelSigner signer,
            byte[] file) {
        byte[] body = multipart(file, Map.of("type", type, "regionCode", region, "diseaseCode", disease));
        String[] signature = signer == null ? new String[0] : signer.headers(body);
        return http.postBytes(intakeUrl.apply("/api/v1/materials"), token, "multipart/form-data; boundary=" + BOUNDARY,
                body, signature);
    }

    /** A small PNG scan; a different one for each seed. */
    static byte[] scan(int seed) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 16, (seed / 16) % 16, 0xFFFFFF);
        image.setRGB(0, 0, 0x123456 + seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] multipart(byte[] file, Map<String, String> fields) {
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
