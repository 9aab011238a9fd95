package org.mtb.support.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** For each service's test: the endpoints its controllers map that its OpenAPI document leaves out. */
public final class ApiDocumentation {

    private ApiDocumentation() {
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
