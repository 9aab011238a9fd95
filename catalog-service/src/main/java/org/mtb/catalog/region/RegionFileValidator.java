package org.mtb.catalog.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtb.contracts.DiseaseCategory;

/**
 * Checks region files before anything is stored, and reports every problem at once so that a wrong file is
 * corrected in one go. Plain Java: the rules are tested without starting anything.
 */
final class RegionFileValidator {

    private static final Pattern NATIONAL_CODE = Pattern.compile("M\\d{5}");
    private static final Pattern LOCAL_CODE = Pattern.compile("L(\\d{6})-\\d{3}");

    private RegionFileValidator() {
    }

    /**
     * The problems of all files, each prefixed with its file name, then those between files; empty when all
     * are valid.
     */
    static List<String> validate(Map<String, RegionFile> filesByName) {
        List<String> problems = new ArrayList<>();
        Map<String, String> fileByVersion = new LinkedHashMap<>();
        filesByName.forEach((name, file) -> {
            validate(file).forEach(problem -> problems.add(name + ": " + problem));
            String version = file.regionCode() + ":" + file.version();
            String other = fileByVersion.putIfAbsent(version, name);
            if (other != null) {
                problems.add(name + ": region " + file.regionCode() + " version " + file.version()
                        + " is also in " + other + "; a version is defined once");
            }
        });
        return problems;
    }

    /** The problems of one file; empty when it is valid. */
    static List<String> validate(RegionFile file) {
        List<String> problems = new ArrayList<>();
        if (!RegionCodes.isWellFormed(file.regionCode())) {
            problems.add("regionCode '" + file.regionCode() + "' must be 6 digits");
        }
        required(problems, "regionName", file.regionName());
        required(problems, "province", file.province());
        required(problems, "version", file.version());
        if (file.effectiveFrom() == null) {
            problems.add("effectiveFrom is missing");
        }
        required(problems, "source", file.source());
        if (file.acceptedInsuranceTypes() == null || file.acceptedInsuranceTypes().isEmpty()) {
            problems.add("acceptedInsuranceTypes is empty");
        }
        required(problems, "acceptedInsuranceTypesSource", file.acceptedInsuranceTypesSource());
        required(problems, "declaredDiseaseCountSource", file.declaredDiseaseCountSource());
        if (file.diseases() == null || file.diseases().isEmpty()) {
            problems.add("diseases lists no disease");
            return problems;
        }
        // List.of(...).contains(null) throws, hence the stream.
        if (file.diseases().stream().anyMatch(Objects::isNull)) {
            problems.add("diseases holds an empty entry");
            return problems;
        }
        for (int i = 0; i < file.diseases().size(); i++) {
            diseaseProblems(file.regionCode(), file.diseases().get(i), problems, "diseases[" + i + "]");
        }
        duplicateCodes(file.diseases(), problems);
        countProblems(file.declaredDiseaseCount(), DiseaseCount.listed(file.diseases()), problems);
        return problems;
    }

    private static void diseaseProblems(String regionCode, RegionDisease disease, List<String> problems, String at) {
        String code = disease.code();
        if (isBlank(code)) {
            problems.add(at + ".code is missing");
        } else {
            Matcher local = LOCAL_CODE.matcher(code);
            if (local.matches() && !local.group(1).equals(regionCode)) {
                problems.add(at + ": local code " + code + " must carry the region code, L" + regionCode + "-NNN");
            } else if (!local.matches() && !NATIONAL_CODE.matcher(code).matches()) {
                problems.add(at + ": code '" + code + "' is neither national (M + 5 digits) nor local (L"
                        + regionCode + "-NNN)");
            }
        }
        required(problems, at + ".name", disease.name());
        if (disease.category() == null) {
            problems.add(at + ".category is missing");
        }
        required(problems, at + ".codeSource", disease.codeSource());
        required(problems, at + ".nameSource", disease.nameSource());
    }

    private static void duplicateCodes(List<RegionDisease> diseases, List<String> problems) {
        Map<String, Integer> timesListed = new LinkedHashMap<>();
        for (RegionDisease disease : diseases) {
            if (!isBlank(disease.code())) {
                timesListed.merge(disease.code(), 1, Integer::sum);
            }
        }
        timesListed.forEach((code, times) -> {
            if (times > 1) {
                problems.add("code " + code + " is listed " + times + " times; a code is unique in its region");
            }
        });
    }

    private static void countProblems(DiseaseCount declared, DiseaseCount listed, List<String> problems) {
        if (declared == null) {
            problems.add("declaredDiseaseCount is missing");
            return;
        }
        if (declared.total() <= 0) {
            problems.add("declaredDiseaseCount.total must be positive");
        } else if (listed.total() > declared.total()) {
            problems.add("lists " + listed.total() + " diseases, more than the declared total " + declared.total());
        }
        if (declared.byCategory() == null) {
            problems.add("declaredDiseaseCount.byCategory is missing; write {} when the source states no split");
            return;
        }
        int sum = 0;
        for (Map.Entry<DiseaseCategory, Integer> entry : declared.byCategory().entrySet()) {
            int declaredInCategory = entry.getValue() == null ? 0 : entry.getValue();
            int listedInCategory = listed.byCategory().getOrDefault(entry.getKey(), 0);
            sum += declaredInCategory;
            if (listedInCategory > declaredInCategory) {
                problems.add("lists " + listedInCategory + " " + entry.getKey() + " diseases, more than the declared "
                        + declaredInCategory);
            }
        }
        if (sum > declared.total()) {
            problems.add("declaredDiseaseCount.byCategory adds up to " + sum + ", more than the total "
                    + declared.total());
        }
    }

    private static void required(List<String> problems, String field, String value) {
        if (isBlank(value)) {
            problems.add(field + " is missing");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
