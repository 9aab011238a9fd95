package org.mtb.support.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** For each service's test: the endpoints its controllers map that its OpenAPI document leaves out. */
public final class ApiDocumentation {

    private ApiDocumentation() {
    }

    /**
     * Fetches the service's OpenAPI document as anyone may, without a token, and checks it: OpenAPI 3.1, the
     * {@code endpoints} endpoints of the service's own controllers all in it, and the security schemes.
     */
    public static void assertComplete(int port, RequestMappingHandlerMapping mappings, long endpoints) {
        JsonNode docs = JsonMapper.builder().build().readTree(RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/v3/api-docs").retrieve().body(String.class));

        assertThat(docs.path("openapi").asString()).startsWith("3.1");
        assertThat(endpoints(mappings)).as("the service's endpoints").isEqualTo(endpoints);
        assertThat(undocumented(docs, mappings)).isEmpty();
        JsonNode schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.has("bearer")).isTrue();
        assertThat(schemes.path("x-tif-signature").path("description").asString()).contains("bodySha256");
    }

    /** {@code "POST /api/v1/applications"} for every endpoint of the service's own controllers not in {@code paths}. */
    public static List<String> undocumented(JsonNode apiDocs, RequestMappingHandlerMapping mappings) {
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.mtb.")) {
                return; // the framework's own: the error controller, springdoc's endpoints
            }
            for (String path : paths(info)) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (!apiDocs.path("paths").path(path).has(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path);
                    }
                }
            }
        });
        return missing;
    }

    /** How many endpoints of the service's own controllers there are, so a test can show it looked at some. */
    public static long endpoints(RequestMappingHandlerMapping mappings) {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType().getPackageName().startsWith("org.mtb."))
                .mapToLong(entry -> paths(entry.getKey()).size()).sum();
    }

    private static Set<String> paths(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }
}
