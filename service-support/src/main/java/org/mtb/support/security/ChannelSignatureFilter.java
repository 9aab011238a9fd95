package org.mtb.support.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request of a {@link Role#CHANNEL} token prove itself with the channel's signature
 * ({@link ChannelSignatures}) and a nonce never seen before ({@link SeenNonces}); other callers pass untouched. Runs
 * after the token is checked. The body is read here, at most {@code maxBody} bytes, and handed on unchanged.
 */
final class ChannelSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ChannelSignatureFilter.class);
    static final String REFUSED_METRIC = "mtb.channel.requests.refused";

    private final ChannelSignatures signatures;
    private final SeenNonces nonces;
    private final Clock clock;
    private final int maxBody;
    private final MeterRegistry meters;

    ChannelSignatureFilter(ChannelSignatures signatures, SeenNonces nonces, Clock clock, int maxBody,
            MeterRegistry meters) {
        this.signatures = signatures;
        this.nonces = nonces;
        this.clock = clock;
        this.maxBody = maxBody;
        this.meters = meters;
        for (String code : SecurityProblems.CHANNEL_CODES) {
            meters.counter(REFUSED_METRIC, "code", code);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof Jwt token
                && Role.CHANNEL.heldBy(authentication))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            meters.counter(REFUSED_METRIC, "code", SecurityProblems.CHANNEL_BODY_TOO_LARGE).increment();
            SecurityProblems.write(response, SecurityProblems.tooLarge(
                    "A signed request's body may be at most " + maxBody + " bytes"));
            return;
        }
        Map<String, @Nullable String> headers = new HashMap<>();
        ChannelSignatures.HEADERS.forEach(name -> headers.put(name, request.getHeader(name)));
        String client = token.getClaimAsString("azp");
        Optional<ChannelSignatures.Refusal> refusal = signatures.check(headers, client, body, clock.instant());
        if (refusal.isPresent()) {
            refuse(response, client, refusal.get().code(), refusal.get().detail());
            return;
        }
        String paasid = headers.get(ChannelSignatures.PAASID).strip();
        if (!nonces.firstUse(paasid, headers.get(ChannelSignatures.NONCE).strip(),
                clock.instant().plus(signatures.window()).plus(signatures.window()))) {
            refuse(response, client, SecurityProblems.CHANNEL_NONCE_REPLAYED,
                    "This nonce was used before; a replayed request is refused");
            return;
        }
        chain.doFilter(new BodyAgain(request, body), response);
    }

    private void refuse(HttpServletResponse response, @Nullable String client, String code, String detail)
            throws IOException {
        meters.counter(REFUSED_METRIC, "code", code).increment();
        log.info("Refused a signed request of channel client {}: {}", client, code);
        SecurityProblems.write(response, SecurityProblems.unauthorized(code, detail));
    }

    /** The request with its body, already read, readable again. */
    private static final class BodyAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
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
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
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
}
