package org.mtb.benchmarks.submissions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Hospital;
import tools.jackson.databind.json.JsonMapper;

/**
 * Valid and varied applications for the three regions catalog-service ships (Jiuquan, Liupanshui, Tiemenguan), each
 * with a disease on its region's list, an insurance type the region accepts, and a resident ID number of its own
 * whose check character is right: application {@code i} is the same on every run. Each names the materials prepared
 * for its region and disease ({@link PreparedMaterials}) and confirms the truthfulness declaration.
 */
final class ApplicationBodies {

    private record Region(String code, String hospital, List<String> diseases, List<InsuranceType> insuranceTypes) {
    }

    // Disease codes from catalog-service's catalog/regions/<code>.json, chronic and special ones.
    private static final List<Region> REGIONS = List.of(
            new Region("620900", "酒泉市人民医院", List.of("M03900", "M01600", "M04600", "L620900-001"),
                    List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT, InsuranceType.FLEXIBLE)),
            new Region("520200", "六盘水市人民医院", List.of("L520200-001", "L520200-003", "L520200-004", "M01102"),
                    List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT)),
            new Region("659006", "第二师医院", List.of("M01200", "M04600", "M01600", "L659006-008"),
                    List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT)));
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN_NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";
    private static final List<String> SUMMARIES = List.of(
            "确诊三年，规律服药，需长期门诊治疗",
            "病情稳定，定期复查，需长期用药",
            "近半年两次住院，出院后需门诊随访和长期用药",
            "诊断明确，已有二级以上医院诊断证明，申请门诊慢特病待遇");
    private static final Channel[] CHANNELS = {Channel.APP, Channel.WEB_HALL, Channel.WECHAT_MINI_PROGRAM,
            Channel.SERVICE_WINDOW, Channel.NATIONAL_PLATFORM};
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1940, 1, 1);
    /** Birth dates from 1940 to 2005; with a 3-digit sequence number, 24 million distinct ID numbers. */
    private static final int BIRTH_DATES = 24_000;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final JsonMapper json;
    private final PreparedMaterials materials;
    private final SubmitBody.Declaration declaration;

    ApplicationBodies(JsonMapper json, PreparedMaterials materials) {
        this.json = json;
        this.materials = materials;
        this.declaration = new SubmitBody.Declaration(true, materials.declarationVersion());
    }

    /** The region application {@code i} is for. */
    static String regionCode(int i) {
        return REGIONS.get(i % REGIONS.size()).code();
    }

    /** The diseases the applications of each region are for, regions and diseases in a fixed order. */
    static Map<String, List<String>> diseasesByRegion() {
        Map<String, List<String>> diseases = new LinkedHashMap<>();
        REGIONS.forEach(region -> diseases.put(region.code(), region.diseases()));
        return diseases;
    }

    /** The region's hospital, which the benchmark's materials name as their issuer. */
    static String hospital(String regionCode) {
        return REGIONS.stream().filter(region -> region.code().equals(regionCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No region " + regionCode + " in the benchmark"))
                .hospital();
    }

    String json(int i) {
        return json.writeValueAsString(body(i));
    }

    /** One moment for every body of a run, so that a request sent again is the same request. */
    private static final java.time.Instant VOUCHERS_PRESENTED_AT =
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    SubmitBody body(int i) {
        Region region = REGIONS.get(i % REGIONS.size());
        int n = i / REGIONS.size();
        String disease = region.diseases().get(n % region.diseases().size());
        InsuranceType insurance = region.insuranceTypes().get((n / 4) % region.insuranceTypes().size());
        SubmitBody.Person applicant = new SubmitBody.Person(idNumber(region.code(), i), name(i), phone(i), insurance);
        return new SubmitBody(region.code(), disease, applicant, new Hospital(region.hospital(), 2 + i % 2, null),
                SUMMARIES.get(i % SUMMARIES.size()), CHANNELS[i % CHANNELS.length],
                new SubmitBody.IdentityVerification("E_VOUCHER", "ev-" + i, VOUCHERS_PRESENTED_AT),
                materials.items(region.code(), disease), declaration);
    }

    /** GB 11643: area code, date of birth, sequence number, ISO 7064 MOD 11-2 check character. */
    static String idNumber(String regionCode, int i) {
        String first17 = regionCode.substring(0, 4) + "02"
                + DateTimeFormatter.BASIC_ISO_DATE.format(FIRST_BIRTH_DATE.plusDays(i % BIRTH_DATES))
                + "%03d".formatted((i / BIRTH_DATES) % 1000);
        int sum = 0;
        for (int d = 0; d < 17; d++) {
            sum += (first17.charAt(d) - '0') * WEIGHTS[d];
        }
        return first17 + CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static String name(int i) {
        String name = SURNAMES.charAt(i % SURNAMES.length()) + ""
                + GIVEN_NAMES.charAt((i / SURNAMES.length()) % GIVEN_NAMES.length());
        return i % 3 == 0 ? name : name + GIVEN_NAMES.charAt((i / 7) % GIVEN_NAMES.length());
    }

    /** A mainland mobile number: 1, a second digit of 3 to 9, nine more digits. */
    private static String phone(int i) {
        return "1" + "35789".charAt(i % 5) + "%09d".formatted(i % 1_000_000_000);
    }
}
