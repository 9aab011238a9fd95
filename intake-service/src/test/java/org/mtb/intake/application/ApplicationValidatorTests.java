package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.intake.application.SubmitApplicationRequest.ApplicantRequest;
import org.mtb.intake.application.SubmitApplicationRequest.HospitalRequest;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.support.web.FieldProblem;

class ApplicationValidatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Optional<RegionCatalog> TIEMENGUAN = Optional.of(new RegionCatalog("659006", "铁门关市", "2025.1",
            "2025-01-01", List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT),
            List.of(new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL)), null, "e1", Instant.EPOCH));

    private static SubmitApplicationRequest valid() {
        return new SubmitApplicationRequest("659006", "M01200",
                new ApplicantRequest("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT),
                new HospitalRequest("第二师医院", 3, "H65900600001"), "血友病A型", Channel.APP, null);
    }

    @Test
    void acceptsACompleteApplication() {
        assertThat(ApplicationValidator.validate(valid(), TIEMENGUAN, TODAY)).isEmpty();
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        var empty = new SubmitApplicationRequest(null, " ", null, null, null, null, null);

        assertThat(ApplicationValidator.validate(empty, Optional.empty(), TODAY))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("regionCode", "REQUIRED"),
                        tuple("diseaseCode", "REQUIRED"),
                        tuple("applicant", "REQUIRED"),
                        tuple("hospital", "REQUIRED"),
                        tuple("conditionSummary", "REQUIRED"),
                        tuple("channel", "REQUIRED"));
    }

    @Test
    void admitsByNationalSchemeSoAFlexibleWorkerCountsAsTheEmployeeScheme() {
        var employeesOnly = Optional.of(new RegionCatalog("659006", "铁门关市", "2025.1", "2025-01-01",
                List.of(InsuranceType.EMPLOYEE), TIEMENGUAN.get().diseases(), null, "e1", Instant.EPOCH));
        var residentsOnly = Optional.of(new RegionCatalog("659006", "铁门关市", "2025.1", "2025-01-01",
                List.of(InsuranceType.RESIDENT), TIEMENGUAN.get().diseases(), null, "e1", Instant.EPOCH));

        assertThat(ApplicationValidator.validate(insured(InsuranceType.FLEXIBLE), employeesOnly, TODAY)).isEmpty();
        assertThat(ApplicationValidator.validate(insured(InsuranceType.RESIDENT), employeesOnly, TODAY))
                .extracting(FieldProblem::code).containsExactly("INSURANCE_TYPE_NOT_ACCEPTED");
        assertThat(ApplicationValidator.validate(insured(InsuranceType.FLEXIBLE), residentsOnly, TODAY))
                .extracting(FieldProblem::code).containsExactly("INSURANCE_TYPE_NOT_ACCEPTED");
    }

    private static SubmitApplicationRequest insured(InsuranceType type) {
        return new SubmitApplicationRequest("659006", "M01200", new ApplicantRequest("11010519491231002X", "张三",
                "13800138000", type), valid().hospital(), "血友病A型", Channel.APP, null);
    }

    @Test
    void reportsEveryInvalidValueAtOnce() {
        var bad = new SubmitApplicationRequest("659006", "M99999",
                new ApplicantRequest("110105194912310021", "张三<script>", "12345", InsuranceType.FLEXIBLE),
                new HospitalRequest("社区卫生服务站", 1, "h-6590"), "x".repeat(2001), Channel.APP, null);

        assertThat(ApplicationValidator.validate(bad, TIEMENGUAN, TODAY))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("diseaseCode", "DISEASE_NOT_LISTED"),
                        tuple("applicant.idNumber", "INVALID_ID_NUMBER"),
                        tuple("applicant.name", "INVALID_NAME"),
                        tuple("applicant.phone", "INVALID_MOBILE_NUMBER"),
                        tuple("hospital.level", "HOSPITAL_LEVEL_TOO_LOW"),
                        tuple("hospital.code", "INVALID_FORMAT"),
                        tuple("conditionSummary", "TOO_LONG"));
    }

    @Test
    void refusesARegionWithoutACatalogAndAMalformedRegionCode() {
        var unknown = new SubmitApplicationRequest("110000", "M01200", valid().applicant(), valid().hospital(), "x",
                Channel.WEB_HALL, null);
        var malformed = new SubmitApplicationRequest("65900", "M01200", valid().applicant(), valid().hospital(), "x",
                Channel.WEB_HALL, null);

        assertThat(ApplicationValidator.validate(unknown, Optional.empty(), TODAY))
                .extracting(FieldProblem::code).containsExactly("REGION_NOT_SUPPORTED");
        assertThat(ApplicationValidator.validate(malformed, Optional.empty(), TODAY))
                .extracting(FieldProblem::code).containsExactly("INVALID_FORMAT");
    }

    @Test
    void acceptsNamesOfEveryNationality() {
        for (String name : List.of("买买提·艾力", "欧阳娜娜", "Anna Müller")) {
            var request = new SubmitApplicationRequest("659006", "M01200",
                    new ApplicantRequest("11010519491231002X", name, "13800138000", InsuranceType.RESIDENT),
                    valid().hospital(), "x", Channel.APP, null);
            assertThat(ApplicationValidator.validate(request, TIEMENGUAN, TODAY)).as(name).isEmpty();
        }
    }

    @Test
    void refusesAHospitalLevelOutsideOneToThree() {
        var request = new SubmitApplicationRequest("659006", "M01200", valid().applicant(),
                new HospitalRequest("医院", 4, null), "x", Channel.APP, null);

        assertThat(ApplicationValidator.validate(request, TIEMENGUAN, TODAY))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("hospital.level", "INVALID_VALUE"));
    }
}
