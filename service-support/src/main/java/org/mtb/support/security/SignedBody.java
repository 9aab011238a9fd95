package org.mtb.support.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * A signed request with its body, read whole to check the signature, readable again. The container cannot split a
 * multipart body it no longer holds, so a multipart upload's parts and form fields are split here from the same bytes
 * ({@link BufferedParts}) and answered in its place.
 */
final class SignedBody extends HttpServletRequestWrapper {

    private final byte[] body;
    private final @Nullable List<Part> parts;
    private final Map<String, String[]> parameters;

    /** @throws IllegalArgumentException a multipart body that cannot be split into parts */
    SignedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        if (isMultipart(request)) {
            this.parts = BufferedParts.split(body, request.getContentType());
            this.parameters = fieldsAndQuery(request, parts);
        } else {
            this.parts = null;
            this.parameters = Map.of();
        }
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /**
     * The query's parameters, then the form fields (parts without a file name) as text. The signature covers the body
     * only, so a name in both is refused: an unsigned query must not stand in for a signed field.
     */
    private static Map<String, String[]> fieldsAndQuery(HttpServletRequest request, List<Part> parts) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        java.util.Set<String> inQuery = java.util.Set.copyOf(all.keySet());
        for (Part part : parts) {
            if (inQuery.contains(part.getName())) {
                throw new IllegalArgumentException("'" + part.getName() + "' is both in the query and in the signed body");
            }
            if (part.getSubmittedFileName() == null && part instanceof BufferedParts.BufferedPart buffered) {
                all.computeIfAbsent(part.getName(), n -> new ArrayList<>()).add(buffered.text());
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        all.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Collection<Part> getParts() throws IOException, jakarta.servlet.ServletException {
        return parts == null ? super.getParts() : parts;
    }

    @Override
    public @Nullable Part getPart(String name) throws IOException, jakarta.servlet.ServletException {
        if (parts == null) {
            return super.getPart(name);
        }
        return parts.stream().filter(part -> part.getName().equals(name)).findFirst().orElse(null);
    }

    @Override
    public @Nullable String getParameter(String name) {
        if (parts == null) {
            return super.getParameter(name);
        }
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parts == null ? super.getParameterMap() : parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parts == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        return parts == null ? super.getParameterValues(name) : parameters.get(name);
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("a signed request's body is read whole beforehand");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
