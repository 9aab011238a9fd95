package org.mtb.review.reviewcase;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The electronic certificate of a qualification, for its holder to download and print, and the public check of a
 * certificate's verification code (readable without a token, listed in {@code mtb.security.public-reads}).
 */
@RestController
class CertificateController {

    private final QualificationController qualifications;
    private final Certificates certificates;
    private final CasePersonalData personalData;
    private final MongoTemplate mongo;
    private final Clock clock;

    CertificateController(QualificationController qualifications, Certificates certificates,
            CasePersonalData personalData, MongoTemplate mongo, Clock clock) {
        this.qualifications = qualifications;
        this.certificates = certificates;
        this.personalData = personalData;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The holder's certificate as a PDF; another caller is answered 404, as for an unknown qualification. */
    @GetMapping(path = "/api/v1/qualifications/{number}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    ResponseEntity<byte[]> certificate(Caller caller, @PathVariable String number) {
        ReviewCase c = qualifications.readable(caller, number);
        if (!qualifications.holds(caller, c)) {
            throw QualificationController.notFound(number);
        }
        byte[] pdf = certificates.pdf(c, personalData.nameForHolder(c), personalData.masked(c).idNumber(),
                clock.instant());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment().filename(number + ".pdf").build()
                        .toString())
                .body(pdf);
    }

    /**
     * Whether a certificate is genuine: its number with the code printed on it answers the qualification as it stands
     * now (masked); any other pair answers 404, so that numbers cannot be probed.
     */
    @GetMapping(path = "/api/v1/certificates/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    Verified verify(@PathVariable String number, @RequestParam(required = false) @Nullable String code) {
        String applicationNumber = number.startsWith("Q-") ? number.substring(2) : "";
        ReviewCase c = applicationNumber.isEmpty() ? null : mongo.findById(applicationNumber, ReviewCase.class);
        Qualification q = c == null ? null : c.qualification();
        if (q == null || code == null || !java.security.MessageDigest.isEqual(
                q.verificationCode().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                code.strip().toUpperCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new org.mtb.support.web.ApiException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "CERTIFICATE_NOT_FOUND", "No such certificate",
                    "No certificate has this number with this verification code");
        }
        return new Verified(q.number(), personalData.masked(c).name(), c.regionCode(), c.diseaseName(),
                q.validFrom(), q.validTo(), q.status());
    }

    /** What a verifier sees: the qualification as it stands now, the person masked. */
    record Verified(String qualificationNumber, String name, String regionCode, String diseaseName,
            LocalDate validFrom, @Nullable LocalDate validTo, Qualification.Status status) {
    }
}
