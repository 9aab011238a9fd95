package org.mtb.intake.application;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final ApplicationService service;
    private final Applications applications;
    private final PersonalDataSeals seals;

    ApplicationController(ApplicationService service, Applications applications, PersonalDataSeals seals) {
        this.service = service;
        this.applications = applications;
        this.seals = seals;
    }

    /** A retry with the same key and body answers the same 201 and body, marked {@value #REPLAYED}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT', 'CHANNEL', 'COUNTER_CLERK')")
    ResponseEntity<ApplicationView> submit(Caller caller, @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody SubmitApplicationRequest request) {
        ApplicationService.Submission submission = service.submit(caller, idempotencyKey, request);
        Application application = submission.application();
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.applicationNumber()))
                .header(REPLAYED, Boolean.toString(submission.replayed()))
                .body(ApplicationView.of(application, seals));
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
