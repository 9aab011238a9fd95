package org.mtb.support.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.support.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request of a {@link Role#CHANNEL} token prove itself with the channel's signature
 * ({@link ChannelSignatures}) and a nonce never seen before ({@link SeenNonces}); other callers pass untouched. Runs
 * after the token is checked. The body is read here, at most {@code maxBody} bytes ({@code maxUpload} for a multipart
 * upload), and handed on unchanged ({@link SignedBody}).
 */
final class ChannelSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ChannelSignatureFilter.class);
    static final String REFUSED_METRIC = "mtb.channel.requests.refused";

    private final ChannelSignatures signatures;
    private final SeenNonces nonces;
    private final Clock clock;
    private final int maxBody;
    private final int maxUpload;
    private final BodiesInMemory inMemory;
    private final MeterRegistry meters;

    ChannelSignatureFilter(ChannelSignatures signatures, SeenNonces nonces, Clock clock, int maxBody, int maxUpload,
            BodiesInMemory inMemory, MeterRegistry meters) {
        this.maxUpload = maxUpload;
        this.inMemory = inMemory;
        this.signatures = signatures;
        this.nonces = nonces;
        this.clock = clock;
        this.maxBody = maxBody;
        this.meters = meters;
        for (String code : SecurityProblems.CHANNEL_CODES) {
            meters.counter(REFUSED_METRIC, "code", code);
        }
        meters.counter(REFUSED_METRIC, "code", SecurityProblems.SERVICE_BUSY);
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
        boolean upload = SignedBody.isMultipart(request);
        int max = upload ? maxUpload : maxBody;
        // A body that declares more than allowed is refused unread; one that declares its length is read into an
        // array of that size (Tomcat never hands on more); one of unknown length up to one byte past the limit.
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuseTooLarge(response, upload, max);
            return;
        }
        // Room for what the body may be: its declared length; the limit and a byte for one of unknown length, sent in
        // chunks, whose unused room is given back once it is read; none for a request without a body (a GET).
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        int held = (int) (declared >= 0 ? declared : chunked ? max + 1L : 0);
        if (held > 0 && !inMemory.reserve(held)) {
            meters.counter(REFUSED_METRIC, "code", SecurityProblems.SERVICE_BUSY).increment();
            log.info("Answered a signed request of channel client {} SERVICE_BUSY: signed bodies in memory at the "
                    + "bound", token.getClaimAsString("azp"));
            response.setHeader("Retry-After", "1");
            Problems.write(response, SecurityProblems.busy());
            return;
        }
        try {
            byte[] body = held == 0 ? new byte[0] : request.getInputStream().readNBytes(held);
            if (body.length < held) {
                inMemory.release(held - body.length);
                held = body.length;
            }
            if (body.length > max) {
                refuseTooLarge(response, upload, max);
                return;
            }
            checkAndPass(request, response, chain, token, body);
        } finally {
            inMemory.release(held);
        }
    }

    private void checkAndPass(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Jwt token,
            byte[] body) throws ServletException, IOException {
        Map<String, @Nullable String> headers = new HashMap<>();
        ChannelSignatures.HEADERS.forEach(name -> headers.put(name, request.getHeader(name)));
        String client = token.getClaimAsString("azp");
        Optional<ChannelSignatures.Refusal> refusal = signatures.check(headers, client, body, clock.instant());
        if (refusal.isPresent()) {
            refuse(response, client, refusal.get().code(), refusal.get().detail());
            return;
        }
        String paasid = headers.get(ChannelSignatures.PAASID).strip();
        // The check above found the timestamp to be 1 to 12 digits.
        long timestamp = Long.parseLong(headers.get(ChannelSignatures.TIMESTAMP).strip());
        if (!nonces.firstUse(paasid, timestamp, headers.get(ChannelSignatures.NONCE).strip(),
                clock.instant().plus(signatures.window()).plus(signatures.window()))) {
            refuse(response, client, SecurityProblems.CHANNEL_NONCE_REPLAYED,
                    "This nonce was used before; a replayed request is refused");
            return;
        }
        SignedBody again;
        try {
            again = new SignedBody(request, body);
        } catch (IllegalArgumentException malformed) {
            Problems.write(response, Problems.of(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "MULTIPART_INVALID", "Unreadable multipart body",
                    malformed.getMessage(), java.util.List.of()));
            return;
        }
        chain.doFilter(again, response);
    }

    private void refuseTooLarge(HttpServletResponse response, boolean upload, int max) throws IOException {
        meters.counter(REFUSED_METRIC, "code", SecurityProblems.CHANNEL_BODY_TOO_LARGE).increment();
        Problems.write(response, SecurityProblems.tooLarge("A signed " + (upload ? "upload's" : "request's")
                + " body may be at most " + max + " bytes"));
    }

    private void refuse(HttpServletResponse response, @Nullable String client, String code, String detail)
            throws IOException {
        meters.counter(REFUSED_METRIC, "code", code).increment();
        log.info("Refused a signed request of channel client {}: {}", client, code);
        Problems.write(response, SecurityProblems.unauthorized(code, detail));
    }
}
