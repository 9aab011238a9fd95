package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An answer read from the bytes that have come so far: nothing until all of it is there. */
class AnswerBytesTests {

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length", "chunked"})
    void readsAnAnswerOnlyOnceItsLastByteHasCome(String framing) {
        byte[] whole = AnsweringServer.answer(201, framing, "{\"applicationNumber\":\"酒泉-1\"}");

        for (int length = 0; length < whole.length; length++) {
            assertThat(AnswerBytes.complete(whole, length)).as("the first %d bytes", length).isNull();
        }
        KeepAliveHttp.Answer answer = AnswerBytes.complete(whole, whole.length);

        assertThat(answer).isNotNull();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("{\"applicationNumber\":\"酒泉-1\"}");
        assertThat(answer.headers()).containsEntry("idempotent-replayed", "false")
                .containsEntry("content-type", "application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 2O1 X\r\n\r\n", "HTTP/1.1 201 X\r\nno colon\r\n\r\n",
            "HTTP/1.1 201 X\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"})
    void bytesThatAreNotAnAnswerAreRefused(String notHttp) {
        byte[] bytes = notHttp.getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> AnswerBytes.complete(bytes, bytes.length)).isInstanceOf(RuntimeException.class);
    }
}
