package org.mtb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.json.JsonMapper;

class RealmTests {

    /** The file compose's Keycloak imports; the build copies it into the jar. */
    private static final Realm REALM = Realm.read(new FileSystemResource("../keycloak/mtb-realm.json"));

    @Test
    void readsTheClientsTheRolesAndTheClaimsOfTheRealmFileComposesKeycloakImports() {
        assertThat(REALM.name()).isEqualTo("mtb");
        assertThat(REALM.accessTokenLifespan()).isEqualTo(Duration.ofMinutes(15));
        assertThat(REALM.clients()).containsKeys("mtb-cli", "gs-jiuquan-platform", "gz-liupanshui-platform",
                "xj-tiemenguan-platform", "mtb-prometheus");
        Realm.Client cli = REALM.clients().get("mtb-cli");
        assertThat(cli.passwordGrant()).isTrue();
        assertThat(cli.clientCredentials()).isFalse();
        Realm.Client channel = REALM.clients().get("gs-jiuquan-platform");
        assertThat(channel.passwordGrant()).isFalse();
        assertThat(channel.clientCredentials()).isTrue();
        assertThat(channel.tokenClaims().audiences()).containsExactly("mtb-api");
        assertThat(channel.tokenClaims().rolesClaim()).isEqualTo("roles");
        assertThat(channel.tokenClaims().attributes()).extracting(Realm.AttributeClaim::claim)
                .containsExactly("preferred_username", "regions", "institution", "id_number");
    }

    @Test
    void knowsEveryRoleOfTheIssueAmongItsAccounts() {
        assertThat(REALM.accounts()).flatExtracting(Realm.Account::roles).contains("APPLICANT", "CHANNEL",
                "COUNTER_CLERK", "HOTLINE", "REVIEWER", "SUPERVISOR", "OPERATOR", "OPS");
        assertThat(REALM.serviceAccount("gz-liupanshui-platform")).get()
                .satisfies(account -> assertThat(account.attributes().get("regions")).containsExactly("520200"));
        assertThat(REALM.person("reviewer-520200-hospital")).get()
                .satisfies(account -> assertThat(account.attributes().get("institution")).hasSize(1));
        assertThat(REALM.person("service-account-mtb-prometheus")).isEmpty();
    }

    @Test
    void refusesAMapperItCannotHonourRatherThanIssueTokensWithoutTheClaim() {
        String realm = """
                {"realm": "r", "clientScopes": [{"name": "s", "protocolMappers": [
                  {"name": "m", "protocolMapper": "oidc-hardcoded-claim-mapper", "config": {}}]}]}
                """;
        assertThatIllegalArgumentException().isThrownBy(() -> Realm.parse(JsonMapper.builder().build().readTree(realm)))
                .withMessageContaining("oidc-hardcoded-claim-mapper");
    }

    @Test
    void refusesAClientThatNamesAScopeTheFileDoesNotDefine() {
        String realm = """
                {"realm": "r", "clients": [{"clientId": "c", "secret": "s", "serviceAccountsEnabled": true,
                  "defaultClientScopes": ["missing"]}]}
                """;
        assertThatIllegalArgumentException().isThrownBy(() -> Realm.parse(JsonMapper.builder().build().readTree(realm)))
                .withMessageContaining("'missing'");
    }

    @Test
    void aDisabledClientOrUserIsLeftOutAndKeycloaksDefaultLifespanApplies() {
        String realm = """
                {"realm": "r", "clients": [{"clientId": "off", "enabled": false, "secret": "s"}],
                 "users": [{"username": "gone", "enabled": false}, {"username": "here", "realmRoles": ["OPS"]}]}
                """;
        Realm parsed = Realm.parse(JsonMapper.builder().build().readTree(realm));
        assertThat(parsed.clients()).isEmpty();
        assertThat(parsed.accounts()).extracting(Realm.Account::username).isEqualTo(List.of("here"));
        assertThat(parsed.accessTokenLifespan()).isEqualTo(Duration.ofMinutes(5));
    }
}
