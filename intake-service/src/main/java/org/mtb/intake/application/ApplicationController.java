package org.mtb.intake.application;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.ApplicationReaders;
import org.mtb.support.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String SUBMITTERS = "hasAnyRole('APPLICANT', 'CHANNEL', 'COUNTER_CLERK')";
    private static final int MAX_PAGE_SIZE = 100;

    private final ApplicationService service;
    private final Applications applications;
    private final PersonalDataSeals seals;
    private final Supplements supplements;
    private final Withdrawals withdrawals;

    ApplicationController(ApplicationService service, Applications applications, PersonalDataSeals seals,
            Supplements supplements, Withdrawals withdrawals) {
        this.supplements = supplements;
        this.withdrawals = withdrawals;
        this.service = service;
        this.applications = applications;
        this.seals = seals;
    }

    /** A retry with the same key and body answers the same 201 and body, marked {@value #REPLAYED}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SUBMITTERS)
    ResponseEntity<ApplicationView> submit(Caller caller, @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody SubmitApplicationRequest request) {
        ApplicationService.Submission submission = service.submit(caller, idempotencyKey, request);
        Application application = submission.application();
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.applicationNumber()))
                .header(REPLAYED, Boolean.toString(submission.replayed()))
                .body(ApplicationView.of(application, seals));
    }

    /**
     * My applications (我的申请): those the calling person's account submitted, for itself or for family members,
     * newest first, {@code size} (1 to 100) a page, of one status when given. For applicants' accounts only: a channel
     * or counter answers for thousands, and lists them from its own records.
     */
    @GetMapping(params = "mine")
    @PreAuthorize("hasRole('APPLICANT')")
    MyApplications mine(Caller caller, @RequestParam(required = false) @Nullable ApplicationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApplicationProblems.invalidPage(page, size, MAX_PAGE_SIZE);
        }
        List<ApplicationSummary> items = applications.submittedBy(caller.subject(), status, page, size).stream()
                .map(application -> ApplicationSummary.of(application, seals)).toList();
        return new MyApplications(items, page, size, applications.countSubmittedBy(caller.subject(), status));
    }

    /** A page of my applications, and how many there are in all. */
    record MyApplications(List<ApplicationSummary> items, int page, int size, long total) {
    }

    /**
     * The answer to a supplement request (补正): every requested item with its uploaded files, or nothing is taken. By
     * the submitting account or channel only.
     */
    @PostMapping(path = "/{applicationNumber}/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SUBMITTERS)
    ApplicationView supplement(Caller caller, @PathVariable String applicationNumber,
            @RequestBody SupplementRequest request) {
        return ApplicationView.of(supplements.supplement(caller, applicationNumber, request), seals);
    }

    /** Withdraws an application not yet decided, with the applicant's reason. By the submitter only. */
    @PostMapping(path = "/{applicationNumber}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SUBMITTERS)
    ApplicationView withdraw(Caller caller, @PathVariable String applicationNumber,
            @RequestBody WithdrawalRequest request) {
        return ApplicationView.of(withdrawals.withdraw(caller, applicationNumber, request), seals);
    }

    /** The truthfulness declaration in force, which a submission confirms by its version. */
    @GetMapping("/declaration")
    TruthfulnessDeclaration.Current declaration() {
        return TruthfulnessDeclaration.current();
    }

    /** Another caller's application answers 404 as an unknown one does ({@link ApplicationReaders}). */
    @GetMapping("/{applicationNumber}")
    ApplicationView find(Caller caller, @PathVariable String applicationNumber) {
        return applications.find(applicationNumber)
                .filter(application -> seals.mayRead(caller, application))
                .map(application -> ApplicationView.of(application, seals))
                .orElseThrow(() -> ApplicationProblems.notFound(applicationNumber));
    }
}
