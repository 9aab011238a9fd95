package org.mtb.support.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access token says: never taken from a request body.
 *
 * @param subject     the token's subject: the account of a person, or the client of a channel
 * @param username    the user name to show in a record, or the subject when the token has none
 * @param client      the client the token was issued to ({@code azp}); for a channel, its {@code x-tif-paasid}
 * @param roles       the caller's roles
 * @param regions     the region codes the caller acts in; {@value #ALL_REGIONS} for a national account
 * @param institution the institution a reviewer is narrowed to, if any
 * @param idNumber    the verified ID number of an applicant's account, if any; personal data, never logged
 */
public record Caller(String subject, String username, @Nullable String client, Set<Role> roles, List<String> regions,
        @Nullable String institution, @Nullable String idNumber) {

    /** The {@code regions} value of a national account. */
    public static final String ALL_REGIONS = "*";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        regions = List.copyOf(regions);
    }

    static Caller of(Jwt token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(token, "roles")) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        String username = token.getClaimAsString("preferred_username");
        return new Caller(token.getSubject(), username != null ? username : token.getSubject(),
                token.getClaimAsString("azp"), roles, strings(token, "regions"), token.getClaimAsString("institution"),
                token.getClaimAsString("id_number"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller acts in the region: named in the token, or a national account. */
    public boolean actsIn(String regionCode) {
        return regions.contains(ALL_REGIONS) || regions.contains(regionCode);
    }

    /**
     * Whether a record of this region and institution is within the caller's scope: a region the caller acts in and,
     * for a caller narrowed to an institution (a hospital reviewing on a region's behalf), that institution only.
     *
     * @param institutionCode the record's institution (定点医药机构编号), null where it names none
     */
    public boolean covers(String regionCode, @Nullable String institutionCode) {
        return actsIn(regionCode) && (institution == null || institution.equals(institutionCode));
    }

    public boolean isNational() {
        return regions.contains(ALL_REGIONS);
    }

    private static List<String> strings(Jwt token, String claim) {
        Object value = token.getClaims().get(claim);
        if (value instanceof String single) {
            return List.of(single);
        }
        List<String> values = token.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }
}
