package org.mtb.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class HeldPrerequisiteTests {

    private final AtomicLong regions = new AtomicLong();
    private final HeldPrerequisite health = new HeldPrerequisite("regions", regions::get,
            "no regional catalog received yet");

    @Test
    void outOfServiceWhileNoneIsHeldThenUpWithHowMany() {
        Health before = health.health();

        assertThat(before.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(before.getDetails()).containsEntry("regions", 0L)
                .containsEntry("reason", "no regional catalog received yet");

        regions.set(3);
        Health after = health.health();

        assertThat(after.getStatus()).isEqualTo(Status.UP);
        assertThat(after.getDetails()).containsEntry("regions", 3L).doesNotContainKey("reason");
    }

    @Test
    void downWhenWhatIsHeldCannotBeCounted() {
        HeldPrerequisite failing = new HeldPrerequisite("regions", () -> {
            throw new IllegalStateException("database gone");
        }, "none yet");

        assertThat(failing.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
