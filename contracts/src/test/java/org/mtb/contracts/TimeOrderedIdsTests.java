package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    @Test
    void isAVersion7UuidOfRfc9562WithTheMillisecondsFirst() {
        UUID id = TimeOrderedIds.of(0x0192_3456_789AL, () -> -1L);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).isEqualTo("01923456-789a-7fff-bfff-ffffffffffff");
        assertThat(TimeOrderedIds.of(0x0192_3456_789AL, () -> 0L).toString())
                .isEqualTo("01923456-789a-7000-8000-000000000000");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTextAsTheServicesStoreThem() {
        List<String> made = new ArrayList<>();
        for (long millis = 1_764_633_600_000L; millis < 1_764_633_600_000L + 5_000; millis += 7) {
            made.add(TimeOrderedIds.at(millis).toString());
        }

        assertThat(made).isSorted();
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIds.at(1_764_633_600_000L));
        }

        assertThat(seen).hasSize(100_000);
        assertThat(TimeOrderedIds.next().version()).isEqualTo(7);
    }
}
