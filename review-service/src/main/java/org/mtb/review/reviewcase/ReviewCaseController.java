package org.mtb.review.reviewcase;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.sla.SlaState;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.mtb.review.sla.SlaView;
import org.mtb.support.crypto.PersonalDataAccessLog;
import org.mtb.support.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/review-cases", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewCaseController {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final int MAX_PAGE = 500;
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PURPOSE = 500;
    /** Reviewers and supervisors, each only in the regions of their token. */
    private static final String REVIEWERS = "hasAnyRole('REVIEWER', 'SUPERVISOR')";

    private final ReviewCases cases;
    private final RegionCalendars calendars;
    private final Clock clock;
    private final CasePersonalData personalData;
    private final SupplementRequests supplements;

    ReviewCaseController(ReviewCases cases, RegionCalendars calendars, Clock clock, CasePersonalData personalData,
            SupplementRequests supplements) {
        this.supplements = supplements;
        this.cases = cases;
        this.personalData = personalData;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * The queue, earliest deadline first (cases without a deadline, whose region's time limit has not arrived, come
     * first: they need attention), {@code limit} cases a page (at most {@value #MAX_PAGE}). The next page's address is
     * in the {@code Link} header ({@code rel="next"}, RFC 8288), absent on the last page.
     */
    @GetMapping
    @PreAuthorize(REVIEWERS)
    ResponseEntity<List<CaseView>> list(Caller caller, @RequestParam(required = false) @Nullable String regionCode,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable String diseaseCode,
            @RequestParam(required = false) @Nullable DiseaseCategory category,
            @RequestParam(required = false) @Nullable SlaState slaState,
            @RequestParam(required = false) QueueFilter.@Nullable ClaimFilter claim,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        if (regionCode != null && !REGION_CODE.matcher(regionCode).matches()) {
            throw CaseProblems.invalidRegionCode();
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw CaseProblems.invalidLimit(MAX_PAGE);
        }
        @Nullable QueueCursor after = cursor == null ? null
                : QueueCursor.parse(cursor).orElseThrow(CaseProblems::invalidCursor);
        ReviewCases.QueuePage page = cases.page(caller,
                new QueueFilter(regionCode, status, diseaseCode, category, slaState, claim), after, limit);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.next() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor",
                    page.next().token()).build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page.cases().stream().map(this::view).toList());
    }

    /** A case of another region answers 404, as an unknown one does. */
    @GetMapping("/{applicationNumber}")
    @PreAuthorize(REVIEWERS)
    CaseView find(Caller caller, @PathVariable String applicationNumber) {
        return cases.find(caller, applicationNumber).map(this::view)
                .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
    }

    @PostMapping(path = "/{applicationNumber}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REVIEWERS)
    CaseView decide(Caller caller, @PathVariable String applicationNumber, @RequestBody DecisionRequest decision) {
        return view(cases.decide(caller, applicationNumber, decision));
    }

    /**
     * Returns an open case for supplement (补正): every item at once, each a material type of the case's catalog with
     * the reason. The review clock stops until the applicant answers; the applicant is told the whole list.
     */
    @PostMapping(path = "/{applicationNumber}/supplement-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REVIEWERS)
    CaseView requestSupplement(Caller caller, @PathVariable String applicationNumber,
            @RequestBody SupplementRequestBody request) {
        return view(supplements.request(caller, applicationNumber, request));
    }

    /**
     * The applicant's ID number, name and phone in clear, for a reviewer who must check them against the materials:
     * the caller states why, and the opening is recorded (who, when, which case, why) before anything is answered.
     * A POST, since each call is recorded and its answer must not be cached.
     */
    @PostMapping(path = "/{applicationNumber}/personal-data", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REVIEWERS)
    ResponseEntity<CasePersonalData.Opened> openPersonalData(Caller caller, @PathVariable String applicationNumber,
            @RequestBody OpenPersonalDataRequest request) {
        String purpose = request.purpose() == null ? "" : request.purpose().strip();
        if (purpose.isEmpty() || purpose.length() > MAX_PURPOSE) {
            throw CaseProblems.purposeRequired(MAX_PURPOSE);
        }
        ReviewCase c = cases.find(caller, applicationNumber).orElseThrow(() -> CaseProblems.notFound(applicationNumber));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(personalData.open(caller, c, purpose));
    }

    /** Who opened this case's personal data, when and why; for supervisors of its region. */
    @GetMapping("/{applicationNumber}/personal-data-access")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<PersonalDataAccessLog.Access> personalDataAccess(Caller caller, @PathVariable String applicationNumber) {
        ReviewCase c = cases.find(caller, applicationNumber).orElseThrow(() -> CaseProblems.notFound(applicationNumber));
        return personalData.openings(c);
    }

    /** @param purpose why the clear values are needed, in the reviewer's words; recorded with the opening */
    record OpenPersonalDataRequest(@Nullable String purpose) {
    }

    CaseView view(ReviewCase c) {
        SlaView sla = c.sla() == null ? null : SlaView.of(c.sla(), c.status() == CaseStatus.OPEN,
                calendars.calendarFor(c.regionCode()).calendar(), clock.instant());
        return CaseView.of(c, sla, personalData, clock.instant());
    }
}
