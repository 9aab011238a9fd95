package org.mtb.benchmarks.timers;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.Topics;
import org.mtb.contracts.calendar.CalendarDay;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.contracts.calendar.HoursSeason;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.stack.KafkaTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The events the burst needs, as catalog-service and intake-service would publish them. */
final class BurstEvents {

    private BurstEvents() {
    }

    /** Special diseases due at once; a calendar in which every moment of this year and the next is working time. */
    static void publishPolicyAndCalendar(KafkaTestClient kafka, JsonMapper json, String region) throws Exception {
        RegionPolicy policy = new RegionPolicy(List.of(
                new ReviewTimeLimit(DiseaseCategory.SPECIAL, ReviewTimeLimit.Kind.IMMEDIATE, null),
                new ReviewTimeLimit(DiseaseCategory.CHRONIC, ReviewTimeLimit.Kind.WORKING_DAYS, BigDecimal.TEN)),
                false, null, EffectiveDateRule.ON_APPROVAL, null, List.of(), List.of(), null);
        CatalogPublished catalog = new CatalogPublished(UUID.randomUUID(), CatalogPublished.SCHEMA_VERSION,
                Instant.now(), region, "基准市", "bench.1", LocalDate.now(), List.of(InsuranceType.RESIDENT),
                List.of(new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL)), policy);
        int year = LocalDate.now().getYear();
        List<CalendarDay> weekends = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() <= year + 1; day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weekends.add(new CalendarDay(day, CalendarDay.Kind.WORKED, "基准", "benchmark"));
            }
        }
        CalendarPublished calendar = new CalendarPublished(UUID.randomUUID(), CalendarPublished.SCHEMA_VERSION,
                Instant.now(), region, 1, "Asia/Shanghai", List.of(year, year + 1), weekends,
                List.of(new HoursSeason("01-01", List.of(new HoursSeason.Period(LocalTime.MIN, LocalTime.MAX)))),
                "benchmark");
        kafka.send(Topics.CATALOG_PUBLISHED, region, json.writeValueAsString(catalog));
        kafka.send(Topics.CALENDAR_PUBLISHED, region, json.writeValueAsString(calendar));
    }

    /** {@code count} special-disease submissions, all accepted at the same moment. */
    static List<String> submit(KafkaTestClient kafka, JsonMapper json, String region, int count, Instant acceptedAt)
            throws Exception {
        java.util.Map<String, String> submissions = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            String number = region + "-20261123-%06d".formatted(i);
            // Schema 1, in clear: the benchmark holds no key of the stack, and review reads both schemas alike.
            ApplicationSubmitted submitted = new ApplicationSubmitted(UUID.randomUUID(), 1, acceptedAt, number,
                    region, "M01200", "血友病", DiseaseCategory.SPECIAL, new Applicant("11010519491231002X", "张三",
                            "13800138000", InsuranceType.RESIDENT, null, null), new Hospital("基准市人民医院", 3, null),
                    "血友病A型", Channel.APP, acceptedAt, null);
            submissions.put(number, json.writeValueAsString(submitted));
        }
        kafka.sendAll(Topics.APPLICATION_SUBMITTED, submissions);
        return new ArrayList<>(submissions.keySet());
    }
}
