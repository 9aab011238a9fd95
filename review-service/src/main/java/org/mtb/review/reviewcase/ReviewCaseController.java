package org.mtb.review.reviewcase;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
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

    private final ReviewCases cases;

    ReviewCaseController(ReviewCases cases) {
        this.cases = cases;
    }

    /** The queue, oldest first; at most {@value #MAX_PAGE} cases. */
    @GetMapping
    List<CaseView> list(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) CaseStatus status) {
        if (regionCode != null && !REGION_CODE.matcher(regionCode).matches()) {
            throw CaseProblems.invalidRegionCode();
        }
        return cases.list(regionCode, status, MAX_PAGE).stream().map(CaseView::of).toList();
    }

    @GetMapping("/{applicationNumber}")
    CaseView find(@PathVariable String applicationNumber) {
        return cases.find(applicationNumber).map(CaseView::of)
                .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
    }

    @PostMapping(path = "/{applicationNumber}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseView decide(@PathVariable String applicationNumber, @RequestBody DecisionRequest decision) {
        return CaseView.of(cases.decide(applicationNumber, decision));
    }
}
