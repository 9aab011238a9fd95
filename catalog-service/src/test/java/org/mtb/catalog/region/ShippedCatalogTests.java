package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.LOCAL_EXTENSION;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import tools.jackson.databind.json.JsonMapper;

/** The region files this service ships: they load, validate, and hold what the seeds say. */
class ShippedCatalogTests {

    private static final Map<String, RegionFile> REGIONS = RegionFiles
            .load("classpath:catalog/regions/*.json", JsonMapper.builder().build()).stream()
            .collect(Collectors.toMap(RegionFile::regionCode, Function.identity()));

    @Test
    void loadsAndValidatesTheThreeSeedRegions() {
        assertThat(REGIONS).containsOnlyKeys("620900", "520200", "659006");
        assertThat(REGIONS.values()).extracting(RegionFile::regionName).containsExactlyInAnyOrder("酒泉市", "六盘水市", "铁门关市");
    }

    @Test
    void tiemenguanListsItsSevenSpecialAndTwentyThreeChronicDiseasesAsDeclared() {
        RegionFile tiemenguan = REGIONS.get("659006");

        assertThat(tiemenguan.declaredDiseaseCount().total()).isEqualTo(30);
        assertThat(tiemenguan.declaredDiseaseCount().byCategory()).containsOnly(entry(SPECIAL, 7), entry(CHRONIC, 23));
        assertThat(DiseaseCount.listed(tiemenguan.diseases()).byCategory()).containsOnly(entry(SPECIAL, 7), entry(CHRONIC, 23));
        assertThat(RegionVersion.of(tiemenguan, Instant.EPOCH, null).complete()).isTrue();
    }

    @Test
    void jiuquanDeclaresSixtyEightAndListsFewerSoItIsNotComplete() {
        RegionFile jiuquan = REGIONS.get("620900");

        assertThat(jiuquan.declaredDiseaseCount().total()).isEqualTo(68);
        assertThat(jiuquan.declaredDiseaseCount().byCategory()).isEmpty();
        assertThat(jiuquan.diseases()).hasSizeLessThan(68);
        assertThat(RegionVersion.of(jiuquan, Instant.EPOCH, null).complete()).isFalse();
    }

    @Test
    void liupanshuiDeclaresNineteenChronicTwelveSpecialAndEighteenLocalExtensions() {
        RegionFile liupanshui = REGIONS.get("520200");

        assertThat(liupanshui.declaredDiseaseCount().total()).isEqualTo(49);
        assertThat(liupanshui.declaredDiseaseCount().byCategory())
                .containsOnly(entry(CHRONIC, 19), entry(SPECIAL, 12), entry(LOCAL_EXTENSION, 18));
        assertThat(RegionVersion.of(liupanshui, Instant.EPOCH, null).complete()).isFalse();
    }

    @Test
    void listsEveryDiseaseTheDomainNamesForTiemenguanInItsCategory() {
        assertThat(names("659006", SPECIAL)).containsExactlyInAnyOrder("恶性肿瘤（含白血病）", "器官移植术后抗排异治疗",
                "慢性肾功能衰竭", "血友病", "湿性年龄相关性黄斑变性", "儿童先天性白血病", "儿童先天性心脏病");
        assertThat(names("659006", CHRONIC)).containsExactlyInAnyOrder("冠状动脉粥样硬化性心脏病", "肺源性心脏病",
                "高血压Ⅱ期及以上", "脑血管意外后遗症", "肝硬化", "慢性病毒性肝炎", "慢性阻塞性肺疾病", "糖尿病", "糖尿病合并并发症",
                "肾病综合症", "精神病", "再生障碍性贫血", "重型系统性红斑狼疮", "类风湿性关节炎", "甲状腺功能亢进/减退症", "帕金森综合症",
                "癫痫", "慢性前列腺炎", "阿尔兹海默病", "重症肌无力", "风湿性心脏病", "耐多药结核病", "结核病");
        assertThat(codesByName("659006")).contains(entry("血友病", "M01200"), entry("器官移植术后抗排异治疗", "M08300"),
                entry("湿性年龄相关性黄斑变性", "M03701"), entry("糖尿病", "M01600"), entry("慢性阻塞性肺疾病", "M05300"));
    }

    @Test
    void listsEveryDiseaseTheDomainNamesForJiuquan() {
        assertThat(REGIONS.get("620900").diseases()).extracting(RegionDisease::name).containsExactlyInAnyOrder(
                "恶性肿瘤", "肺癌", "胃癌", "乳腺癌", "慢性肾功能衰竭", "尿毒症", "高血压", "糖尿病", "甲状腺功能亢进", "冠心病", "脑卒中");
        assertThat(codesByName("620900")).contains(entry("高血压", "M03900"), entry("糖尿病", "M01600"),
                entry("冠心病", "M04600"));
    }

    @Test
    void listsEveryDiseaseTheDomainNamesForLiupanshuiInItsGroup() {
        assertThat(names("520200", CHRONIC)).containsExactlyInAnyOrder("风湿性心脏病", "高血压（有心、脑、肾、眼并发症）",
                "糖尿病（有并发症）");
        assertThat(names("520200", SPECIAL)).containsExactlyInAnyOrder("恶性肿瘤", "慢性白血病", "慢性肾功能衰竭透析治疗",
                "再生障碍性贫血", "器官移植术后抗排异治疗");
        assertThat(names("520200", LOCAL_EXTENSION)).containsExactlyInAnyOrder("支气管哮喘",
                "重性精神病（含精神分裂症、双相情感障碍等）", "癫痫");
    }

    @Test
    void acceptsTheInsuranceTypesTheSeedsName() {
        assertThat(REGIONS.get("620900").acceptedInsuranceTypes())
                .containsExactly(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT, InsuranceType.FLEXIBLE);
        assertThat(REGIONS.get("520200").acceptedInsuranceTypes())
                .containsExactly(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT);
        assertThat(REGIONS.get("659006").acceptedInsuranceTypes())
                .containsExactly(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT);
    }

    @Test
    void marksEveryCategoryTheProjectAssignedForJiuquan() {
        assertThat(REGIONS.get("620900").diseases()).allSatisfy(d -> assertThat(d.categoryNote()).isNotBlank());
    }

    private static List<String> names(String regionCode, DiseaseCategory category) {
        return REGIONS.get(regionCode).diseases().stream().filter(d -> d.category() == category)
                .map(RegionDisease::name).toList();
    }

    private static Map<String, String> codesByName(String regionCode) {
        return REGIONS.get(regionCode).diseases().stream()
                .collect(Collectors.toMap(RegionDisease::name, RegionDisease::code));
    }
}
