package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The holder's choice of a designated institution where the region offers one (Liupanshui: 可选择一家定点医疗机构): a
 * choice, never a condition of the benefit. The first choice is free; a change is allowed as often a calendar year as
 * the region says, and one more is refused with the day it is allowed again.
 */
@Service
class InstitutionChoices {

    private static final Logger log = LoggerFactory.getLogger(InstitutionChoices.class);

    private final MongoTemplate mongo;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final Clock clock;
    private final MeterRegistry meters;

    InstitutionChoices(MongoTemplate mongo, RegionPolicies policies, RegionCalendars calendars, Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.policies = policies;
        this.calendars = calendars;
        this.clock = clock;
        this.meters = meters;
    }

    /** The holder's choice; answers the case with the choice stored (unchanged when it is the institution in force). */
    ReviewCase choose(ReviewCase c, String institutionCode) {
        ReviewRules.DesignatedInstitutions offered = policies.find(c.regionCode()).map(PolicyCopy::policy)
                .map(policy -> policy.reviewRules().designatedInstitutions()).orElse(null);
        if (offered == null) {
            throw new ApiException(HttpStatus.CONFLICT, "INSTITUTION_CHOICE_NOT_OFFERED", "No choice offered",
                    "Region " + c.regionCode() + " offers no choice of a designated institution");
        }
        ReviewRules.Institution institution = offered.institutions().stream()
                .filter(i -> i.code().equals(institutionCode)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Unknown institution",
                        "The institution is not on the region's list", List.of(new FieldProblem("institutionCode",
                                "UNKNOWN_INSTITUTION", "one of " + offered.institutions().stream()
                                        .map(ReviewRules.Institution::code).toList()))));
        Qualification q = c.qualification();
        if (q.status() != Qualification.Status.ACTIVE) {
            throw new ApiException(HttpStatus.CONFLICT, "QUALIFICATION_NOT_ACTIVE", "Qualification not active",
                    "Qualification " + q.number() + " is " + q.status());
        }
        List<Qualification.InstitutionChoice> made = q.choices();
        if (!made.isEmpty() && made.getLast().code().equals(institutionCode)) {
            return c;
        }
        Instant now = clock.instant();
        ZoneId zone = calendars.calendarFor(c.regionCode()).calendar().zone();
        int year = LocalDate.ofInstant(now, zone).getYear();
        long changesThisYear = made.stream().skip(1)
                .filter(choice -> LocalDate.ofInstant(choice.chosenAt(), zone).getYear() == year).count();
        if (!made.isEmpty() && changesThisYear >= offered.changesPerYear()) {
            LocalDate allowedFrom = LocalDate.of(year + 1, 1, 1);
            throw new ApiException(HttpStatus.CONFLICT, "INSTITUTION_CHANGE_LIMIT", "Changed already this year",
                    "The designated institution may be changed " + offered.changesPerYear() + " time(s) a calendar "
                            + "year; the next change is allowed from " + allowedFrom,
                    List.of(), Map.of("allowedFrom", allowedFrom.toString()));
        }
        Update update = new Update().set("qualification", q.chose(new Qualification.InstitutionChoice(
                institution.code(), institution.name(), now))).inc("version", 1);
        if (mongo.updateFirst(c.unchanged(), update, ReviewCase.class).getModifiedCount() == 0) {
            throw CaseProblems.keptChanging(c.applicationNumber());
        }
        meters.counter("review.institution.choices", "region", c.regionCode(), "change",
                Boolean.toString(!made.isEmpty())).increment();
        log.info("Qualification {}: designated institution {} chosen", q.number(), institution.code());
        return mongo.findById(c.applicationNumber(), ReviewCase.class);
    }
}
