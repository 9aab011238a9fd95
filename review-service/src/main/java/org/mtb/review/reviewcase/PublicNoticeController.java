package org.mtb.review.reviewcase;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public notice (公示) of approvals as a bureau's website shows it, objections to them, and a supervisor's
 * settlement of an objection.
 */
@RestController
class PublicNoticeController {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final int MAX_REASON = 500;

    private final PublicNotices notices;
    private final CasePersonalData personalData;
    private final ReviewCaseController cases;

    PublicNoticeController(PublicNotices notices, CasePersonalData personalData, ReviewCaseController cases) {
        this.notices = notices;
        this.personalData = personalData;
        this.cases = cases;
    }

    /**
     * The open notice list of a region, readable without a token (listed in {@code mtb.security.public-reads}): the
     * masked name, the disease and the notice's days of each approval, nothing else.
     */
    @GetMapping(path = "/api/v1/regions/{regionCode}/public-notices", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NoticeList> list(@PathVariable String regionCode) {
        if (!REGION_CODE.matcher(regionCode).matches()) {
            throw CaseProblems.invalidRegionCode();
        }
        List<NoticeEntry> entries = notices.open(regionCode).stream().map(c -> new NoticeEntry(c.applicationNumber(),
                personalData.masked(c).name(), c.diseaseName(), c.notice().from(), c.notice().until(),
                c.status() == CaseStatus.UNDER_OBJECTION)).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(new NoticeList(regionCode, entries));
    }

    /**
     * Records an objection during the notice: by the objector's own verified account, or by staff who took it by
     * phone or letter. The case goes to a supervisor; the applicant is told that an objection was raised.
     */
    @PostMapping(path = "/api/v1/regions/{regionCode}/public-notices/{applicationNumber}/objections",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectionReceipt> raise(Caller caller, @PathVariable String regionCode,
            @PathVariable String applicationNumber, @RequestBody ObjectionBody body) {
        List<FieldProblem> problems = body.problems();
        if (!problems.isEmpty()) {
            throw NoticeProblems.invalid("Invalid objection", problems);
        }
        ReviewCase c = notices.raise(caller, regionCode, applicationNumber, body);
        PublicNotice.Objection raised = c.notice().objections().getLast();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ObjectionReceipt(raised.id(), applicationNumber, raised.raisedAt().toString()));
    }

    /** A supervisor upholds (the approval is withdrawn) or dismisses an objection, with the reason the applicant reads. */
    @PostMapping(path = "/api/v1/review-cases/{applicationNumber}/objections/{objectionId}/settlement",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SUPERVISOR')")
    CaseView settle(Caller caller, @PathVariable String applicationNumber, @PathVariable String objectionId,
            @RequestBody Settlement settlement) {
        String reason = settlement.reason() == null ? "" : settlement.reason().strip();
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (settlement.upheld() == null) {
            problems.add(new FieldProblem("upheld", "REQUIRED", "true to uphold the objection, false to dismiss it"));
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "REQUIRED", "1 to " + MAX_REASON + " characters; the applicant reads it"));
        }
        if (!problems.isEmpty()) {
            throw NoticeProblems.invalid("Invalid settlement", problems);
        }
        return cases.view(notices.settle(caller, applicationNumber, objectionId, settlement.upheld(), reason));
    }

    record NoticeList(String regionCode, List<NoticeEntry> entries) {
    }

    /** @param underObjection an objection is being verified */
    record NoticeEntry(String applicationNumber, String name, String diseaseName, LocalDate noticeFrom,
            LocalDate noticeUntil, boolean underObjection) {
    }

    record ObjectionReceipt(String objectionId, String applicationNumber, String raisedAt) {
    }

    record Settlement(@Nullable Boolean upheld, @Nullable String reason) {
    }
}
