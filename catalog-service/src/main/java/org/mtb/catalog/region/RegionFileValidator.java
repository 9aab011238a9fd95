package org.mtb.catalog.region;

import static org.mtb.catalog.region.FieldChecks.DUPLICATE;
import static org.mtb.catalog.region.FieldChecks.INVALID_FORMAT;
import static org.mtb.catalog.region.FieldChecks.OUT_OF_RANGE;
import static org.mtb.catalog.region.FieldChecks.REQUIRED;
import static org.mtb.catalog.region.FieldChecks.isBlank;
import static org.mtb.catalog.region.FieldChecks.missing;
import static org.mtb.catalog.region.FieldChecks.present;
import static org.mtb.catalog.region.FieldChecks.required;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.support.web.FieldProblem;

/**
 * Checks region versions, from the data files or the import endpoint, before anything is stored, and reports
 * every problem at once so that a wrong version is corrected in one go. Plain Java: the rules are tested
 * without starting anything.
 */
final class RegionFileValidator {

    private static final Pattern NATIONAL_CODE = Pattern.compile("M\\d{5}");
    private static final Pattern LOCAL_CODE = Pattern.compile("L(\\d{6})-\\d{3}");
    /** A version is part of the stored id and of the version's URL. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,31}");

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

    /** The problems of one file as lines of text ("field what is wrong"); empty when it is valid. */
    static List<String> validate(RegionFile file) {
        return problems(file).stream().map(FieldChecks::text).toList();
    }

    /** The problems of one version, each naming its field; empty when it is valid. */
    static List<FieldProblem> problems(RegionFile file) {
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(file.regionCode())) {
            problems.add(missing("regionCode"));
        } else if (!RegionCodes.isWellFormed(file.regionCode())) {
            problems.add(new FieldProblem("regionCode", INVALID_FORMAT,
                    "must be 6 digits, not '" + file.regionCode() + "'"));
        }
        required(problems, "regionName", file.regionName());
        required(problems, "province", file.province());
        if (isBlank(file.version())) {
            problems.add(missing("version"));
        } else if (!VERSION.matcher(file.version()).matches()) {
            problems.add(new FieldProblem("version", INVALID_FORMAT,
                    "must be 1 to 32 letters, digits, '.', '-' or '_', starting with a letter or digit"));
        }
        present(problems, "effectiveFrom", file.effectiveFrom());
        required(problems, "source", file.source());
        if (file.acceptedInsuranceTypes() == null || file.acceptedInsuranceTypes().isEmpty()) {
            problems.add(new FieldProblem("acceptedInsuranceTypes", REQUIRED, "is empty"));
        }
        required(problems, "acceptedInsuranceTypesSource", file.acceptedInsuranceTypesSource());
        required(problems, "declaredDiseaseCountSource", file.declaredDiseaseCountSource());
        List<RegionDisease> diseases = diseases(file, problems);
        if (diseases != null) {
            Map<String, String> regionMaterials = MaterialValidator.types(file.policy());
            for (int i = 0; i < diseases.size(); i++) {
                String at = "diseases[" + i + "]";
                diseaseProblems(file.regionCode(), diseases.get(i), regionMaterials, problems, at);
                ReviewValidator.checkDisease(diseases.get(i), at, file.policy(), problems);
            }
            duplicateCodes(diseases, problems);
            countProblems(file.declaredDiseaseCount(), DiseaseCount.listed(diseases), problems);
        }
        PolicyValidator.check(file.policy(), categoriesListed(file), file.acceptedInsuranceTypes(), problems);
        ReviewValidator.check(file.policy(), file.diseases() == null ? List.of() : file.diseases(), problems);
        return problems;
    }

    /** The diseases, or null when there is no list to check entry by entry. */
    private static @Nullable List<RegionDisease> diseases(RegionFile file, List<FieldProblem> problems) {
        if (file.diseases() == null || file.diseases().isEmpty()) {
            problems.add(new FieldProblem("diseases", REQUIRED, "lists no disease"));
            return null;
        }
        // List.of(...).contains(null) throws, hence the loop.
        for (int i = 0; i < file.diseases().size(); i++) {
            if (file.diseases().get(i) == null) {
                problems.add(new FieldProblem("diseases[" + i + "]", REQUIRED, "is empty"));
                return null;
            }
        }
        return file.diseases();
    }

    private static void diseaseProblems(@Nullable String regionCode, RegionDisease disease,
            Map<String, String> regionMaterials, List<FieldProblem> problems, String at) {
        String code = disease.code();
        if (isBlank(code)) {
            problems.add(missing(at + ".code"));
        } else {
            Matcher local = LOCAL_CODE.matcher(code);
            if (local.matches() && !local.group(1).equals(regionCode)) {
                problems.add(new FieldProblem(at + ".code", INVALID_FORMAT, code
                        + " is a local code of another region; a local code here is L" + regionCode + "-NNN"));
            } else if (!local.matches() && !NATIONAL_CODE.matcher(code).matches()) {
                problems.add(new FieldProblem(at + ".code", INVALID_FORMAT, "'" + code
                        + "' is neither national (M + 5 digits) nor local (L" + regionCode + "-NNN)"));
            }
        }
        required(problems, at + ".name", disease.name());
        present(problems, at + ".category", disease.category());
        required(problems, at + ".codeSource", disease.codeSource());
        required(problems, at + ".nameSource", disease.nameSource());
        MaterialValidator.checkDisease(disease.additionalMaterials(), at + ".additionalMaterials", regionMaterials,
                problems);
        if (disease.recheckEvery() != null) {
            FieldChecks.period(problems, at + ".recheckEvery", disease.recheckEvery());
            required(problems, at + ".recheckEverySource", disease.recheckEverySource());
        }
    }

    private static void duplicateCodes(List<RegionDisease> diseases, List<FieldProblem> problems) {
        Map<String, String> firstListed = new HashMap<>();
        for (int i = 0; i < diseases.size(); i++) {
            String code = diseases.get(i).code();
            if (!isBlank(code)) {
                String first = firstListed.putIfAbsent(code, "diseases[" + i + "]");
                if (first != null) {
                    problems.add(new FieldProblem("diseases[" + i + "].code", DUPLICATE,
                            "repeats " + code + " of " + first + "; a code is unique in its region"));
                }
            }
        }
    }

    private static void countProblems(@Nullable DiseaseCount declared, DiseaseCount listed,
            List<FieldProblem> problems) {
        if (declared == null) {
            problems.add(missing("declaredDiseaseCount"));
            return;
        }
        if (declared.total() <= 0) {
            problems.add(new FieldProblem("declaredDiseaseCount.total", OUT_OF_RANGE, "must be positive"));
        } else if (listed.total() > declared.total()) {
            problems.add(new FieldProblem("declaredDiseaseCount.total", OUT_OF_RANGE,
                    "is " + declared.total() + ", fewer than the " + listed.total() + " diseases listed"));
        }
        if (declared.byCategory() == null) {
            problems.add(new FieldProblem("declaredDiseaseCount.byCategory", REQUIRED,
                    "is missing; write {} when the source states no split"));
            return;
        }
        int sum = 0;
        for (Map.Entry<DiseaseCategory, Integer> entry : declared.byCategory().entrySet()) {
            int declaredInCategory = entry.getValue() == null ? 0 : entry.getValue();
            int listedInCategory = listed.byCategory().getOrDefault(entry.getKey(), 0);
            sum += declaredInCategory;
            if (listedInCategory > declaredInCategory) {
                problems.add(new FieldProblem("declaredDiseaseCount.byCategory." + entry.getKey(), OUT_OF_RANGE,
                        "is " + declaredInCategory + ", fewer than the " + listedInCategory + " " + entry.getKey()
                                + " diseases listed"));
            }
        }
        if (sum > declared.total()) {
            problems.add(new FieldProblem("declaredDiseaseCount.byCategory", OUT_OF_RANGE,
                    "adds up to " + sum + ", more than the total " + declared.total()));
        }
    }

    /** The categories of the listed diseases and of the declared split: each needs a review time limit. */
    private static Set<DiseaseCategory> categoriesListed(RegionFile file) {
        Set<DiseaseCategory> categories = EnumSet.noneOf(DiseaseCategory.class);
        if (file.diseases() != null) {
            file.diseases().stream().filter(d -> d != null && d.category() != null)
                    .forEach(d -> categories.add(d.category()));
        }
        if (file.declaredDiseaseCount() != null && file.declaredDiseaseCount().byCategory() != null) {
            file.declaredDiseaseCount().byCategory().keySet().stream().filter(c -> c != null).forEach(categories::add);
        }
        return categories;
    }
}
