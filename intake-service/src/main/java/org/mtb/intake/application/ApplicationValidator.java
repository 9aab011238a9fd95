package org.mtb.intake.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.support.web.FieldProblem;

/**
 * Checks a whole request and reports every problem at once (一次性告知), so that a channel can show the
 * applicant all of them together. Plain Java: the region's catalog is handed in.
 */
final class ApplicationValidator {

    static final int MAX_NAME_LENGTH = 50;
    static final int MAX_HOSPITAL_NAME_LENGTH = 100;
    static final int MAX_CONDITION_SUMMARY_LENGTH = 2000;

    /** 定点医药机构编号: the national interface's examples are 12 characters (H15090201645); its sources allow 30. */
    private static final java.util.regex.Pattern INSTITUTION_CODE = java.util.regex.Pattern.compile("[A-Z0-9]{1,30}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{IsHan}\\p{IsAlphabetic}·• .'-]+");

    private final List<FieldProblem> problems = new ArrayList<>();

    private ApplicationValidator() {
    }

    static List<FieldProblem> validate(SubmitApplicationRequest request, Optional<RegionCatalog> region, LocalDate today) {
        ApplicationValidator v = new ApplicationValidator();
        v.region(request.regionCode(), region);
        v.disease(request.diseaseCode(), region);
        v.applicant(request.applicant(), region, today);
        v.hospital(request.hospital());
        if (v.required("conditionSummary", request.conditionSummary())) {
            v.maxLength("conditionSummary", request.conditionSummary(), MAX_CONDITION_SUMMARY_LENGTH);
        }
        if (request.channel() == null) {
            v.add("channel", "REQUIRED", "is required");
        }
        v.agent(request.agent(), request.applicant(), today);
        return List.copyOf(v.problems);
    }

    private void region(@Nullable String regionCode, Optional<RegionCatalog> region) {
        if (!required("regionCode", regionCode)) {
            return;
        }
        if (!REGION_CODE.matcher(regionCode).matches()) {
            add("regionCode", "INVALID_FORMAT", "must be a 6-digit administrative division code");
        } else if (region.isEmpty()) {
            add("regionCode", "REGION_NOT_SUPPORTED", "region " + regionCode + " does not take applications here");
        }
    }

    private void disease(@Nullable String diseaseCode, Optional<RegionCatalog> region) {
        if (required("diseaseCode", diseaseCode) && region.isPresent() && region.get().disease(diseaseCode).isEmpty()) {
            add("diseaseCode", "DISEASE_NOT_LISTED",
                    "disease " + diseaseCode + " is not on the list of region " + region.get().regionCode());
        }
    }

    private void applicant(SubmitApplicationRequest.@Nullable ApplicantRequest applicant,
            Optional<RegionCatalog> region, LocalDate today) {
        if (applicant == null) {
            add("applicant", "REQUIRED", "is required");
            return;
        }
        if (required("applicant.idNumber", applicant.idNumber())) {
            String problem = ResidentIdNumber.problem(applicant.idNumber(), today);
            if (problem != null) {
                add("applicant.idNumber", "INVALID_ID_NUMBER", "is not a valid resident ID number: " + problem);
            }
        }
        if (required("applicant.name", applicant.name())
                && maxLength("applicant.name", applicant.name(), MAX_NAME_LENGTH)
                && !PERSON_NAME.matcher(applicant.name()).matches()) {
            add("applicant.name", "INVALID_NAME", "may contain only letters, Chinese characters, '·' and spaces");
        }
        if (required("applicant.phone", applicant.phone()) && !MAINLAND_MOBILE.matcher(applicant.phone()).matches()) {
            add("applicant.phone", "INVALID_MOBILE_NUMBER", "must be an 11-digit mainland mobile number");
        }
        if (applicant.insuranceType() == null) {
            add("applicant.insuranceType", "REQUIRED", "is required");
        } else if (region.isPresent() && !region.get().accepts(applicant.insuranceType())) {
            add("applicant.insuranceType", "INSURANCE_TYPE_NOT_ACCEPTED",
                    applicant.insuranceType() + " is not accepted in region " + region.get().regionCode());
        }
    }

    /** An agent, if one applies: a person of their own, reachable, whose relationship is stated. */
    private void agent(SubmitApplicationRequest.@Nullable AgentRequest agent,
            SubmitApplicationRequest.@Nullable ApplicantRequest applicant, LocalDate today) {
        if (agent == null) {
            return;
        }
        if (required("agent.idNumber", agent.idNumber())) {
            String problem = ResidentIdNumber.problem(agent.idNumber(), today);
            if (problem != null) {
                add("agent.idNumber", "INVALID_ID_NUMBER", "is not a valid resident ID number: " + problem);
            } else if (applicant != null && agent.idNumber().equalsIgnoreCase(String.valueOf(applicant.idNumber()))) {
                add("agent.idNumber", "AGENT_IS_APPLICANT", "an agent applies for another person; leave agent out");
            }
        }
        if (required("agent.name", agent.name()) && maxLength("agent.name", agent.name(), MAX_NAME_LENGTH)
                && !PERSON_NAME.matcher(agent.name()).matches()) {
            add("agent.name", "INVALID_NAME", "may contain only letters, Chinese characters, '·' and spaces");
        }
        if (required("agent.phone", agent.phone()) && !MAINLAND_MOBILE.matcher(agent.phone()).matches()) {
            add("agent.phone", "INVALID_MOBILE_NUMBER", "must be an 11-digit mainland mobile number");
        }
        if (agent.relationship() == null) {
            add("agent.relationship", "REQUIRED", "is required: SPOUSE, PARENT, CHILD or OTHER");
        }
    }

    private void hospital(SubmitApplicationRequest.@Nullable HospitalRequest hospital) {
        if (hospital == null) {
            add("hospital", "REQUIRED", "is required");
            return;
        }
        if (required("hospital.name", hospital.name())) {
            maxLength("hospital.name", hospital.name(), MAX_HOSPITAL_NAME_LENGTH);
        }
        if (hospital.level() == null) {
            add("hospital.level", "REQUIRED", "is required");
        } else if (hospital.level() < 1 || hospital.level() > 3) {
            add("hospital.level", "INVALID_VALUE", "must be 1, 2 or 3");
        } else if (hospital.level() < 2) {
            add("hospital.level", "HOSPITAL_LEVEL_TOO_LOW", "the diagnosis must come from a level-2 hospital or above");
        }
        if (hospital.code() != null && !INSTITUTION_CODE.matcher(hospital.code()).matches()) {
            add("hospital.code", "INVALID_FORMAT",
                    "a designated medical institution code (定点医药机构编号) is 1 to 30 upper-case letters and digits");
        }
    }

    private boolean required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "REQUIRED", "is required");
            return false;
        }
        return true;
    }

    private boolean maxLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            add(field, "TOO_LONG", "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    private void add(String field, String code, String message) {
        problems.add(new FieldProblem(field, code, message));
    }
}
