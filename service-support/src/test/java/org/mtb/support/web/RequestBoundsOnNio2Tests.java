package org.mtb.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.http11.Http11Nio2Protocol;
import org.junit.jupiter.api.Test;
import org.mtb.support.SupportTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Every bound of {@link RequestBoundsOnTomcatTests} again, on Tomcat's NIO2 connector, which a service chooses with
 * {@code mtb.web.tomcat-protocol} (intake does: benchmarks/README.md).
 */
@SpringBootTest(classes = {SupportTestApplication.class, RequestBoundsOnTomcatTests.Echo.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mtb.web.max-body=1KB", "mtb.web.max-drain=48MB", "mtb.outbox.enabled=false",
                "mtb.web.tomcat-protocol=org.apache.coyote.http11.Http11Nio2Protocol"})
class RequestBoundsOnNio2Tests extends RequestBoundsOnTomcatTests {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void servesOnTheProtocolTheServiceChose() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();

        assertThat(server.getTomcat().getConnector().getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
    }
}
