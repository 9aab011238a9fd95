package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.web.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Qualifications: an applicant reads their own (found by the keyed index of the verified ID number on their token),
 * reviewers and supervisors those of their regions.
 */
@RestController
@RequestMapping(path = "/api/v1/qualifications", produces = MediaType.APPLICATION_JSON_VALUE)
class QualificationController {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final int MAX = 500;

    private final MongoTemplate mongo;
    private final BlindIndex blindIndex;
    private final CasePersonalData personalData;
    private final InstitutionChoices choices;

    QualificationController(MongoTemplate mongo, BlindIndex blindIndex, CasePersonalData personalData,
            InstitutionChoices choices) {
        this.choices = choices;
        this.mongo = mongo;
        this.blindIndex = blindIndex;
        this.personalData = personalData;
    }

    /** The caller's own qualifications, newest first; an account without a verified ID number has none. */
    @GetMapping(params = "mine")
    @PreAuthorize("hasRole('APPLICANT')")
    List<QualificationView> mine(Caller caller) {
        if (caller.idNumber() == null) {
            return List.of();
        }
        return find(where("applicant.idNumberIndex").is(blindIndex.ofIdNumber(caller.idNumber())));
    }

    /** The qualifications of the caller's regions (of one when given), newest first, at most {@value #MAX}. */
    @GetMapping
    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    List<QualificationView> ofRegions(Caller caller, @RequestParam(required = false) @Nullable String regionCode,
            @RequestParam(required = false) Qualification.@Nullable Status status) {
        if (regionCode != null && !REGION_CODE.matcher(regionCode).matches()) {
            throw CaseProblems.invalidRegionCode();
        }
        if (regionCode != null && !caller.actsIn(regionCode)) {
            return List.of();
        }
        Criteria criteria = regionCode != null ? where("regionCode").is(regionCode)
                : caller.isNational() ? new Criteria() : where("regionCode").in(caller.regions());
        if (status != null) {
            criteria = criteria.and("qualification.status").is(status);
        }
        return cases(criteria).stream().filter(c -> caller.institution() == null
                || caller.institution().equals(c.reviewingInstitution())).map(this::view).toList();
    }

    /** One qualification, for its holder or the staff of its region; any other caller is answered 404. */
    @GetMapping("/{number}")
    QualificationView one(Caller caller, @PathVariable String number) {
        return view(readable(caller, number));
    }

    /**
     * The holder chooses (or changes) the designated institution, from the region's list, where the region offers a
     * choice; 409 {@code INSTITUTION_CHANGE_LIMIT} with {@code allowedFrom} for a change beyond the year's.
     */
    @PutMapping(path = "/{number}/designated-institution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    QualificationView choose(Caller caller, @PathVariable String number, @RequestBody InstitutionRequest request) {
        String code = request.institutionCode() == null ? "" : request.institutionCode().strip();
        if (code.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Institution required",
                    "Name the institution by its code", List.of(new org.mtb.support.web.FieldProblem(
                            "institutionCode", "REQUIRED", "the code of an institution on the region's list")));
        }
        ReviewCase c = readable(caller, number);
        if (!holds(caller, c)) {
            throw notFound(number);
        }
        return view(choices.choose(c, code));
    }

    record InstitutionRequest(@Nullable String institutionCode) {
    }

    ReviewCase readable(Caller caller, String number) {
        String applicationNumber = number.startsWith("Q-") ? number.substring(2) : "";
        ReviewCase c = mongo.findById(applicationNumber, ReviewCase.class);
        boolean staff = c != null && caller.hasAny(Role.REVIEWER, Role.SUPERVISOR)
                && caller.covers(c.regionCode(), c.reviewingInstitution());
        if (c == null || c.qualification() == null || !(holds(caller, c) || staff)) {
            throw notFound(number);
        }
        return c;
    }

    boolean holds(Caller caller, ReviewCase c) {
        return caller.has(Role.APPLICANT) && caller.idNumber() != null
                && blindIndex.ofIdNumber(caller.idNumber()).equals(c.applicant().idNumberIndex());
    }

    static ApiException notFound(String number) {
        return new ApiException(HttpStatus.NOT_FOUND, "QUALIFICATION_NOT_FOUND", "Qualification not found",
                "There is no qualification " + number + " you may read");
    }

    private List<QualificationView> find(Criteria criteria) {
        return cases(criteria).stream().map(this::view).toList();
    }

    private List<ReviewCase> cases(Criteria criteria) {
        Query query = Query.query(new Criteria().andOperator(criteria, where("qualification").ne(null)))
                .with(Sort.by(Sort.Direction.DESC, "qualification.grantedAt")).limit(MAX);
        return mongo.find(query, ReviewCase.class);
    }

    private QualificationView view(ReviewCase c) {
        Qualification q = c.qualification();
        return new QualificationView(q.number(), c.applicationNumber(), personalData.masked(c).name(), c.regionCode(),
                c.diseaseCode(), c.diseaseName(), q.validFrom(), q.validTo(), q.status(), q.grantedBy(),
                q.ruleVersion(), q.grantedAt().toString(), q.choices().isEmpty() ? null : q.choices().getLast(),
                q.endedAt() == null ? null : q.endedAt().toString(), q.endReason());
    }

    /** A qualification as its holder and the staff read it; the person masked. */
    record QualificationView(String number, String applicationNumber, String name, String regionCode,
            String diseaseCode, String diseaseName, LocalDate validFrom, @Nullable LocalDate validTo,
            Qualification.Status status, QualificationGranted.Grant grantedBy, @Nullable String ruleVersion,
            String grantedAt, Qualification.@Nullable InstitutionChoice designatedInstitution, @Nullable String endedAt,
            @Nullable String endReason) {
    }
}
