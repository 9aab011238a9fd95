package org.mtb.support;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** What a service would be, to the library's tests: auto-configuration and nothing of its own. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SupportTestApplication {
}
