package org.mtb.review.reviewcase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.Reimbursement;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.support.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The electronic certificate of a qualification (系统自动生成电子凭证，可下载打印): an A4 PDF in Chinese with the
 * font embedded, stating the holder, the disease, the validity, the region's benefit terms for the holder's insurance
 * (ratio and yearly limit) and the verification code the public endpoint checks.
 */
@Component
class Certificates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CertificateFont font;
    private final RegionPolicies policies;

    Certificates(CertificateFont font, RegionPolicies policies) {
        this.font = font;
        this.policies = policies;
    }

    /** @param holderName the holder's name in clear: the certificate is the holder's own, downloaded by the holder */
    synchronized byte[] pdf(ReviewCase c, String holderName, String maskedIdNumber, Instant now) {
        TrueTypeFont typeface = font.font().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "CERTIFICATE_UNAVAILABLE", "Certificate unavailable", "No CJK font is installed for certificates; "
                        + "the operator sets review.certificates.font (looked in " + font.candidates() + ")"));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font type0 = PDType0Font.load(document, typeface, true);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - 80;
                write(text, type0, 20, 150, y, "门诊慢特病待遇资格电子凭证");
                y -= 44;
                for (String line : lines(c, holderName, maskedIdNumber, now)) {
                    write(text, type0, 12, 60, y, line);
                    y -= 22;
                }
            }
            document.getDocumentInformation().setTitle("门诊慢特病待遇资格电子凭证 " + c.qualification().number());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Certificate " + c.qualification().number() + " could not be written", e);
        }
    }

    List<String> lines(ReviewCase c, String holderName, String maskedIdNumber, Instant now) {
        Qualification q = c.qualification();
        @Nullable PolicyCopy catalog = policies.find(c.regionCode()).orElse(null);
        String region = catalog == null || catalog.regionName() == null ? c.regionCode()
                : catalog.regionName() + "（" + c.regionCode() + "）";
        List<String> lines = new ArrayList<>(List.of(
                "资格编号：" + q.number(),
                "受理编号：" + c.applicationNumber(),
                "参保人：" + holderName + "    身份证号：" + maskedIdNumber,
                "参保类型：" + insurance(c.applicant().insuranceType()),
                "统筹区：" + region,
                "认定病种：" + c.diseaseName() + "（" + c.diseaseCode() + "）",
                "待遇享受起始日期：" + DAY.format(q.validFrom()),
                "有效期至：" + (q.validTo() == null ? "长期有效" : DAY.format(q.validTo())),
                "资格状态：" + status(q.status())));
        lines.addAll(terms(catalog, c));
        if (!q.choices().isEmpty()) {
            lines.add("定点医疗机构：" + q.choices().getLast().name());
        }
        lines.add(q.grantedBy() == QualificationGranted.Grant.INSTANT_FILING
                ? "认定方式：系统即时备案（规则版本 " + q.ruleVersion() + "），医保经办机构事后审核"
                : "认定方式：医保经办机构审核认定");
        lines.add("验证码：" + q.verificationCode());
        lines.add("核验方式：医保服务平台“电子凭证核验”，输入资格编号与验证码");
        lines.add("生成时间：" + DAY.format(LocalDate.ofInstant(now, CHINA)));
        return lines;
    }

    /** The region's benefit terms for the holder's insurance and the disease's category, as the catalog states them. */
    private static List<String> terms(@Nullable PolicyCopy catalog, ReviewCase c) {
        if (catalog == null || catalog.policy() == null) {
            return List.of("待遇标准：按统筹区规定执行");
        }
        List<String> lines = new ArrayList<>();
        for (Reimbursement r : catalog.policy().reimbursements()) {
            if (c.applicant().insuranceType().sameSchemeAs(r.insuranceType())
                    && (r.category() == null || r.category() == c.diseaseCategory())) {
                String limit = r.limitSharedWithInpatient() ? "年度支付限额与住院合并计算"
                        : r.annualLimitFromYuan() == null ? "年度支付限额按规定执行"
                        : "年度支付限额" + range(r.annualLimitFromYuan(), r.annualLimitToYuan()) + "元";
                lines.add("待遇标准：报销比例" + percent(r.rateFrom(), r.rateTo()) + "，" + limit
                        + (r.annualLimitSeveralDiseasesYuan() == null ? ""
                                : "，多病种合计" + r.annualLimitSeveralDiseasesYuan() + "元"));
            }
        }
        return lines.isEmpty() ? List.of("待遇标准：按统筹区规定执行") : lines;
    }

    private static String percent(BigDecimal from, BigDecimal to) {
        String a = from.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String b = to.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return a.equals(b) ? a : a + "至" + b;
    }

    private static String range(Integer from, @Nullable Integer to) {
        return to == null || to.equals(from) ? from.toString() : from + "至" + to;
    }

    private static String insurance(InsuranceType type) {
        return switch (type) {
            case EMPLOYEE -> "职工基本医疗保险";
            case RESIDENT -> "城乡居民基本医疗保险";
            case FLEXIBLE -> "灵活就业人员（参照职工医保）";
        };
    }

    private static String status(Qualification.Status status) {
        return switch (status) {
            case ACTIVE -> "有效";
            case REVOKED -> "已撤销";
            case EXPIRED -> "已到期";
        };
    }

    private static void write(PDPageContentStream text, PDType0Font font, float size, float x, float y, String line)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(line);
        text.endText();
    }
}
