package org.mtb.support.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests a second a caller may send ({@code mtb.security.rate-limits.*}).
 *
 * @param perAccount a person's account (applicant, staff): far more than a person clicks
 * @param perChannel a channel, unless {@code channels} names its own limit
 * @param channels   the limit of a channel by its client id, e.g. a province's platform serving many regions
 */
@ConfigurationProperties("mtb.security.rate-limits")
public record RateLimitProperties(
        @DefaultValue("10") int perAccount,
        @DefaultValue("1000") int perChannel,
        @Nullable Map<String, Integer> channels) {

    int limitOfChannel(String clientId) {
        return channels == null ? perChannel : channels.getOrDefault(clientId, perChannel);
    }
}
