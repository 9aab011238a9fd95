package org.mtb.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleFileTests {

    @Test
    void readsTheShippedNationalScheduleWithItsSource() {
        HolidaySchedule national = Calendars.national();

        assertThat(national.years()).containsExactlyInAnyOrder(2025, 2026);
        assertThat(national.entry(LocalDate.of(2025, 10, 8)).orElseThrow().source()).contains("国办发明电〔2024〕12号");
        assertThat(national.entry(LocalDate.of(2026, 10, 10)).orElseThrow().kind()).isEqualTo(ScheduleEntry.Kind.WORKED);
    }

    @Test
    void reportsEveryMalformedLineAtOnce() {
        String csv = """
                year,date_from,date_to,kind,name,source
                2025,2025-13-01,2025-13-02,OFF,x,"s"
                2025,2025-05-01,2025-05-05,HOLIDAY,x,s
                2025,2026-01-01,2026-01-01,OFF,x,s
                """;

        assertThatThrownBy(() -> ScheduleFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 2").hasMessageContaining("line 3").hasMessageContaining("line 4");
    }

    @Test
    void knowsAYearOfARegionOnlyWhenTheRegionsOwnNoticeForItIsLoadedToo() {
        HolidaySchedule national2027 = HolidaySchedule.of(Set.of(2027), List.of(
                new ScheduleEntry(LocalDate.of(2027, 1, 1), ScheduleEntry.Kind.OFF, "元旦", "test data")));
        HolidaySchedule xinjiang = Calendars.read("xinjiang-regional-holidays.csv");

        HolidaySchedule region = national2027.withOverlay(xinjiang);

        assertThat(xinjiang.knowsYear(2027)).isFalse();
        assertThat(region.knowsYear(2027)).isFalse();
        assertThat(region.entry(LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(Calendars.national().withOverlay(xinjiang).years()).containsExactly(2025, 2026);
    }
}
