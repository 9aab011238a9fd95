package org.mtb.catalog.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The calendar API on the shipped data files. */
@WebMvcTest(CalendarController.class)
@Import({RegionCalendars.class, org.mtb.support.security.SignedInRequests.class})
class CalendarControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    /** The slice has no metrics auto-configuration, and the controller counts provisional deadlines. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void answersTheWorkedExamplesOfJiuquan() throws Exception {
        for (String[] example : new String[][] {
                {"2025-09-26", "2025-10-30"}, {"2026-09-18", "2026-10-22"}, {"2026-02-13", "2026-03-19"}}) {
            mvc.perform(get("/api/v1/regions/620900/deadline").param("from", example[0] + "T10:00")
                            .param("workingDays", "20"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.dueDay").value(example[1]))
                    .andExpect(jsonPath("$.provisional").value(false));
        }
    }

    @Test
    void answersHalfAWorkingDayAsLiupanshuiPromisesIt() throws Exception {
        mvc.perform(get("/api/v1/regions/520200/deadline").param("from", "2026-11-30T21:51+08:00")
                        .param("workingDays", "0.5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(0.5))
                .andExpect(jsonPath("$.dueAt").value("2026-12-01T14:00:00+08:00"));
        mvc.perform(get("/api/v1/regions/520200/deadline").param("from", "2026-11-30T10:00+08:00")
                        .param("workingDays", "1.5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueAt").value("2026-12-02T14:00:00+08:00"));
    }

    @Test
    void refusesWorkingDaysThatAreNoWholeOrHalfNumberAboveZero() throws Exception {
        for (String[] refused : new String[][] {{"0.3", "INVALID_VALUE"}, {"-0.5", "OUT_OF_RANGE"},
                {"0", "OUT_OF_RANGE"}, {"366", "OUT_OF_RANGE"}, {"1e308", "OUT_OF_RANGE"}}) {
            mvc.perform(get("/api/v1/regions/520200/deadline").param("from", "2026-11-30")
                            .param("workingDays", refused[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("workingDays"))
                    .andExpect(jsonPath("$.errors[0].code").value(refused[1]));
        }
        mvc.perform(get("/api/v1/regions/520200/deadline").param("from", "2026-11-30").param("workingDays", "half"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void addsWorkingHoursAcrossTiemenguansMiddayBreak() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/deadline").param("from", "2025-07-02T13:50+08:00")
                        .param("workingHours", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueAt").value("2025-07-02T19:50:00+08:00"));
    }

    @Test
    void servesAYearsCalendarWithSourcesAndTheRegionalDays() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/calendar/2025"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.daysOff[?(@.date == '2025-03-31')].name").isNotEmpty())
                .andExpect(jsonPath("$.workedWeekendDays[0].date").value("2025-01-26"))
                .andExpect(jsonPath("$.workingHours[0].from").value("--05-01"));
        mvc.perform(get("/api/v1/regions/620900/calendar/2027"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(true));
    }

    @Test
    void countsTheDeadlinesItAnswersThroughAYearWithoutSchedule() throws Exception {
        double before = meters.counter("catalog.deadlines.provisional", "region", "620900").count();

        mvc.perform(get("/api/v1/regions/620900/deadline").param("from", "2026-12-28T10:00")
                        .param("workingDays", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDay").value("2027-01-04"))
                .andExpect(jsonPath("$.provisional").value(true));
        mvc.perform(get("/api/v1/regions/620900/deadline").param("from", "2026-12-21T10:00")
                        .param("workingDays", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false));

        assertThat(meters.counter("catalog.deadlines.provisional", "region", "620900").count()).isEqualTo(before + 1);
    }

    @Test
    void listsEveryProblemWithADeadlineRequest() throws Exception {
        mvc.perform(get("/api/v1/regions/620900/deadline").param("from", "yesterday")
                        .param("workingDays", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("workingDays"));
        mvc.perform(get("/api/v1/regions/620900/deadline").param("from", "2025-09-26")
                        .param("workingDays", "20").param("workingHours", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
    }

    @Test
    void refusesUnknownAndMalformedRegions() throws Exception {
        mvc.perform(get("/api/v1/regions/110000/calendar/2025")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REGION_NOT_FOUND"));
        mvc.perform(get("/api/v1/regions/11/calendar/2025")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REGION_CODE"));
        mvc.perform(get("/api/v1/regions/620900/calendar/abc")).andExpect(status().isBadRequest());
    }
}
