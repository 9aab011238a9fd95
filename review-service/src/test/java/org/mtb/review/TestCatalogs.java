package org.mtb.review;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.calendar.CalendarDay;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.contracts.calendar.HoursSeason;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewTimeLimit;

/** Catalog and calendar events as catalog-service would publish them, for review's tests. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    /** Chronic diseases 20 working days, special diseases at once. */
    public static CatalogPublished catalog(String regionCode) {
        RegionPolicy policy = new RegionPolicy(List.of(
                new ReviewTimeLimit(DiseaseCategory.CHRONIC, ReviewTimeLimit.Kind.WORKING_DAYS, BigDecimal.valueOf(20)),
                new ReviewTimeLimit(DiseaseCategory.SPECIAL, ReviewTimeLimit.Kind.IMMEDIATE, null)),
                false, null, EffectiveDateRule.ON_APPROVAL, null, List.of(), List.of(), null);
        return new CatalogPublished(UUID.randomUUID(), CatalogPublished.SCHEMA_VERSION, Instant.now(), regionCode,
                "测试市", "2025.1", LocalDate.of(2025, 1, 1), List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT),
                List.of(new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL),
                        new CatalogDisease("M03900", "高血压", DiseaseCategory.CHRONIC)), policy);
    }

    /**
     * A calendar that knows only 2027, with 5 to 8 January 2027 off (made-up test days, not a published schedule),
     * and hours 09:00-12:00 and 13:30-17:30 in Shanghai.
     */
    public static CalendarPublished only2027(String regionCode, long revision) {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2027, 1, 5); !day.isAfter(LocalDate.of(2027, 1, 8)); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, CalendarDay.Kind.OFF, "测试假日", "test data"));
        }
        return new CalendarPublished(UUID.randomUUID(), CalendarPublished.SCHEMA_VERSION, Instant.now(), regionCode,
                revision, "Asia/Shanghai", List.of(2027), days, List.of(new HoursSeason("01-01", List.of(
                        new HoursSeason.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new HoursSeason.Period(LocalTime.of(13, 30), LocalTime.of(17, 30))))), "test");
    }

    /**
     * A calendar in which every moment of this year and the next is working time (every weekend day is a worked
     * day, and the hours run all day), so that timers measured in working time run on the wall clock.
     */
    public static CalendarPublished alwaysWorking(String regionCode, long revision) {
        int year = LocalDate.now().getYear();
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() <= year + 1; day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                days.add(new CalendarDay(day, CalendarDay.Kind.WORKED, "测试", "test"));
            }
        }
        return new CalendarPublished(UUID.randomUUID(), CalendarPublished.SCHEMA_VERSION, Instant.now(), regionCode,
                revision, "Asia/Shanghai", List.of(year, year + 1), days,
                List.of(new HoursSeason("01-01", List.of(new HoursSeason.Period(LocalTime.MIN, LocalTime.MAX)))),
                "test");
    }
}
