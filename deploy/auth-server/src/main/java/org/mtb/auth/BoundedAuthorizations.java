package org.mtb.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorizations issued, kept in memory up to a bound (the oldest forgotten first). Access tokens are signed JWTs
 * that resource servers check on their own, so a forgotten authorization costs only its revocation and introspection;
 * the framework's in-memory store keeps every issued token and would grow without end under a load test.
 */
final class BoundedAuthorizations implements OAuth2AuthorizationService {

    private final Map<String, OAuth2Authorization> byId;

    BoundedAuthorizations(int capacity) {
        this.byId = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OAuth2Authorization> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        byId.put(authorization.getId(), authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        byId.remove(authorization.getId());
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findById(String id) {
        return byId.get(id);
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        for (OAuth2Authorization authorization : byId.values()) {
            OAuth2Authorization.Token<?> found = authorization.getToken(token);
            if (found != null && (tokenType == null || ofType(found.getToken(), tokenType))) {
                return authorization;
            }
        }
        return null;
    }

    private static boolean ofType(OAuth2Token token, OAuth2TokenType type) {
        return type.equals(OAuth2TokenType.ACCESS_TOKEN) && token instanceof OAuth2AccessToken
                || type.equals(OAuth2TokenType.REFRESH_TOKEN) && token instanceof OAuth2RefreshToken;
    }

    synchronized int size() {
        return byId.size();
    }
}
