package org.mtb.review.reviewcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.Reimbursement;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;

/**
 * The certificate as a reader sees it: the text extracted back from the PDF is the Chinese written, in an embedded
 * font. Needs a CJK font ({@code MTB_CJK_FONT}, which {@code .ci/run} provides); where it is missing the test is
 * skipped, unless {@code MTB_REQUIRE_CJK_FONT=true} (set by {@code .ci/run}), which makes its absence a failure.
 */
class CertificatesTests {

    private final RegionPolicies policies = mock(RegionPolicies.class);
    private final CertificateFont font = new CertificateFont(System.getenv().getOrDefault("MTB_CJK_FONT", ""));

    @Test
    void aCertificateStatesTheBenefitTermsAndTheCodeInChineseWithItsFontEmbedded() throws Exception {
        if ("true".equals(System.getenv("MTB_REQUIRE_CJK_FONT"))) {
            assertThat(font.font()).as("a CJK font at %s", font.candidates()).isPresent();
        }
        assumeTrue(font.font().isPresent(), "no CJK font installed");
        given(policies.find("620900")).willReturn(Optional.of(new PolicyCopy("620900", "2025.3", "2025-01-01",
                new RegionPolicy(List.of(), true, null, EffectiveDateRule.AFTER_PUBLIC_NOTICE, null, List.of(),
                        List.of(new Reimbursement(InsuranceType.EMPLOYEE, null, new BigDecimal("0.7"),
                                new BigDecimal("0.9"), 5000, 20000, null, false),
                                new Reimbursement(InsuranceType.RESIDENT, null, new BigDecimal("0.5"),
                                        new BigDecimal("0.7"), 3000, 15000, null, false)), null),
                "e", Instant.EPOCH, List.of(), "酒泉市")));
        Qualification q = new Qualification("Q-620900-20261130-000001", LocalDate.of(2026, 12, 18),
                LocalDate.of(2027, 12, 17), Qualification.Status.ACTIVE, QualificationGranted.Grant.REVIEW, null,
                Instant.EPOCH, null, null, null, null, "ABCD-EFGH-JKMN-PQRS", null, null);
        ReviewCase c = new ReviewCase("620900-20261130-000001", "e", "620900", "M03900", "高血压",
                DiseaseCategory.CHRONIC, new Applicant("x", "x", "x", InsuranceType.FLEXIBLE, null, null),
                new Hospital("市人民医院", 3, null), "x", Channel.APP, Instant.EPOCH, Instant.EPOCH, CaseStatus.APPROVED,
                null, "2025.3", null, 1L, List.of(), List.of(), null, null, null, q, null, null, null, null, null);

        byte[] pdf = new Certificates(font, policies).pdf(c, "张三", "1101**********002X",
                Instant.parse("2026-12-18T02:00:00Z"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("门诊慢特病待遇资格电子凭证", "Q-620900-20261130-000001", "张三",
                    "1101**********002X", "酒泉市（620900）", "高血压", "2026年12月18日", "2027年12月17日",
                    "灵活就业人员", "报销比例70%至90%", "年度支付限额5000至20000元", "ABCD-EFGH-JKMN-PQRS")
                    .doesNotContain("报销比例50%");
            PDFont used = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(used.isEmbedded()).isTrue();
        }
    }
}
