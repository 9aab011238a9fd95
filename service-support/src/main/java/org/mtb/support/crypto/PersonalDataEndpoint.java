package org.mtb.support.crypto;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/personaldata} (OPS): the current key and each collection's last re-encryption pass. {@code POST}
 * runs the passes that are due now instead of at the job's next round; {@code POST {"rotate": true}} adds a key to a
 * file key ring and makes it current, and moves nothing yet (the embedded default; a KMS rotates on its own side, and
 * asking this service to rotate it answers 409).
 */
@Endpoint(id = "personaldata")
class PersonalDataEndpoint {

    private final KeyRing keys;
    private final Resealing resealing;

    PersonalDataEndpoint(KeyRing keys, Resealing resealing) {
        this.keys = keys;
        this.resealing = resealing;
    }

    @ReadOperation
    Report report() {
        return new Report(keys.current().id(), keys.current().algorithm(), resealing.state());
    }

    @WriteOperation
    WebEndpointResponse<Object> reseal(@Nullable Boolean rotate) {
        if (Boolean.TRUE.equals(rotate)) {
            if (!(keys instanceof FileKeyRing file)) {
                return new WebEndpointResponse<>(Map.of("code", "KEYS_ROTATED_IN_KMS",
                        "detail", "This service's key ring is rotated in its KMS, not here"),
                        409);
            }
            file.rotate();
            return new WebEndpointResponse<>(report());
        }
        return new WebEndpointResponse<>(new Report(keys.current().id(), keys.current().algorithm(),
                resealing.runDue()));
    }

    /** What ops see; no key material. */
    record Report(String currentKey, CipherAlgorithm algorithm, List<Resealing.Pass> collections) {
    }
}
