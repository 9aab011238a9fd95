package org.mtb.intake.material;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.intake.catalog.CatalogCopy;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Takes uploads: checks the form and the caller's region, finds the catalog's requirement for the material, checks
 * the bytes against it and stores them. Nothing is stored for a refused upload. Counts stored uploads
 * ({@code intake.materials.uploaded{format}}) and refusals ({@code intake.materials.refused{code}}).
 */
@Service
class MaterialService {

    private static final Logger log = LoggerFactory.getLogger(MaterialService.class);
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final int MAX_CODE_LENGTH = 64;

    private final CatalogCopy catalog;
    private final MaterialStore store;
    private final MaterialInspector inspector;
    private final Clock clock;
    private final MeterRegistry meters;

    MaterialService(CatalogCopy catalog, MaterialStore store, MaterialsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.store = store;
        this.inspector = new MaterialInspector(properties.maxImagePixels());
        this.clock = clock;
        this.meters = meters;
    }

    MaterialStore.Added upload(Caller caller, UploadForm form) {
        try {
            MaterialStore.Added added = checkAndStore(caller, form);
            if (added.created()) {
                meters.counter("intake.materials.uploaded", "format", added.material().format().name()).increment();
            }
            return added;
        } catch (ApiException refusal) {
            refused(refusal.code());
            log.info("Upload refused: {}", refusal.code());
            throw refusal;
        }
    }

    void refused(String code) {
        meters.counter("intake.materials.refused", "code", code).increment();
    }

    private MaterialStore.Added checkAndStore(Caller caller, UploadForm form) {
        List<FieldProblem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw MaterialProblems.invalid(problems);
        }
        InputStreamSource file = form.file();
        String type = form.type();
        String regionCode = form.regionCode();
        Role role = caller.has(Role.CHANNEL) ? Role.CHANNEL
                : caller.has(Role.COUNTER_CLERK) ? Role.COUNTER_CLERK : Role.APPLICANT;
        if (role != Role.APPLICANT && !caller.actsIn(regionCode)) {
            throw MaterialProblems.regionOutOfScope(regionCode);
        }
        String diseaseCode = form.diseaseCode() == null || form.diseaseCode().isBlank() ? null : form.diseaseCode();
        MaterialRequirement requirement = requirement(regionCode, type, diseaseCode);
        Path spool = null;
        try (InputStream in = file.getInputStream()) {
            spool = Files.createTempFile("material-", ".upload");
            Inspected inspected = inspector.inspect(in, requirement, spool);
            Optional<Material> same = store.findSame(caller.subject(), regionCode, type, inspected.sha256());
            if (same.isPresent()) {
                return new MaterialStore.Added(same.get(), false);
            }
            Material material = new Material(UUID.randomUUID().toString(), caller.subject(), role.name(), regionCode,
                    type, inspected.format(), inspected.mediaType(), inspected.size(), inspected.sha256(),
                    new ObjectId(), clock.instant().truncatedTo(ChronoUnit.MILLIS), null, null, null);
            MaterialStore.Added added = store.add(material, spool);
            log.info("Material {} stored: type {}, region {}, {}, {} bytes{}", added.material().id(), type, regionCode,
                    inspected.format(), inspected.size(), added.created() ? "" : " (the same upload as before)");
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool an upload", e);
        } finally {
            delete(spool);
        }
    }

    private MaterialRequirement requirement(String regionCode, String type, @Nullable String diseaseCode) {
        RegionCatalog region = catalog.region(regionCode).orElseThrow(() -> catalog.isEmpty()
                ? MaterialProblems.catalogUnavailable() : MaterialProblems.regionNotSupported(regionCode));
        return MaterialRequirements.of(region, type, diseaseCode);
    }

    private static List<FieldProblem> problems(UploadForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.file() == null) {
            problems.add(new FieldProblem("file", "REQUIRED", "a file part named 'file' is required"));
        }
        code(problems, "type", form.type(), true);
        if (form.regionCode() == null || form.regionCode().isBlank()) {
            problems.add(new FieldProblem("regionCode", "REQUIRED", "is required"));
        } else if (!REGION_CODE.matcher(form.regionCode()).matches()) {
            problems.add(new FieldProblem("regionCode", "INVALID_FORMAT",
                    "must be a 6-digit administrative division code"));
        }
        code(problems, "diseaseCode", form.diseaseCode(), false);
        return problems;
    }

    private static void code(List<FieldProblem> problems, String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "REQUIRED", "is required"));
            }
        } else if (value.length() > MAX_CODE_LENGTH) {
            problems.add(new FieldProblem(field, "TOO_LONG", "must be at most " + MAX_CODE_LENGTH + " characters"));
        }
    }

    private static void delete(@Nullable Path spool) {
        if (spool == null) {
            return;
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            log.warn("Cannot delete the spooled upload {}", spool, e);
        }
    }
}
