package org.mtb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTests {

    @TempDir
    Path dir;

    @Test
    void theKeyCreatedOnFirstStartIsTheOneReadOnTheNextSoTokensSurviveARestart() throws Exception {
        Path file = dir.resolve("auth/signing-key.jwk");
        RSAKey first = SigningKey.loadOrCreate(file);
        RSAKey again = SigningKey.loadOrCreate(file);

        assertThat(first.isPrivate()).isTrue();
        assertThat(first.size()).isEqualTo(2048);
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFileThatIsNotAnRsaKeyStopsTheServerWithWhatToDo() throws Exception {
        Path file = dir.resolve("signing-key.jwk");
        Files.writeString(file, "{\"kty\":\"oct\",\"k\":\"AAAA\"}");

        assertThatIllegalStateException().isThrownBy(() -> SigningKey.loadOrCreate(file))
                .withMessageContaining("remove it");
    }
}
