package org.mtb.intake.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.Submitter;
import org.mtb.intake.catalog.CatalogCopy;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.intake.material.Materials;
import org.mtb.intake.material.StoredMaterial;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.OutboxInserts;
import org.mtb.support.security.Caller;
import org.mtb.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Accepts applications: validates, numbers, stores the application together with its event. */
@Service
class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
    /** The catalog's condition of the materials an agent's application needs (代办人身份证, 关系证明). */
    static final String AGENT_APPLICATION = "AGENT_APPLICATION";

    private final Applications applications;
    private final ApplicationNumbers numbers;
    private final CatalogCopy catalog;
    private final JsonMapper json;
    private final Clock clock;
    private final IntakeProperties properties;
    private final MeterRegistry meters;
    private final OutboxInserts outbox;
    private final PersonalDataSeals seals;
    private final BlindIndex index;
    private final Materials uploads;
    private final InsuredDiseases insuredDiseases;

    ApplicationService(Applications applications, ApplicationNumbers numbers, CatalogCopy catalog, JsonMapper json,
            Clock clock, IntakeProperties properties, MeterRegistry meters, OutboxInserts outbox,
            PersonalDataSeals seals, BlindIndex index, Materials uploads, InsuredDiseases insuredDiseases) {
        this.uploads = uploads;
        this.insuredDiseases = insuredDiseases;
        this.outbox = outbox;
        this.seals = seals;
        this.index = index;
        this.applications = applications;
        this.numbers = numbers;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** A stored application, and whether this call only repeated an earlier one with the same key. */
    record Submission(Application application, boolean replayed) {
    }

    /**
     * Stores a new application, or answers the one stored earlier under the same key. The insert is the check:
     * the unique key refuses a repeat, which is then looked up, so a new application costs no read; a request that
     * fails validation is looked up first, since it may repeat one accepted before the catalog changed.
     */
    Submission submit(Caller caller, String sentKey, SubmitApplicationRequest request) {
        checkKey(sentKey);
        Submitter submitter = Submitters.of(caller);
        if (request.regionCode() != null && !Submitters.maySubmitIn(caller, submitter, request.regionCode())) {
            throw ApplicationProblems.regionOutOfScope(request.regionCode());
        }
        String idempotencyKey = Submitters.scopedKey(submitter, sentKey);
        String fingerprint = fingerprint(request);
        Optional<RegionCatalog> region = request.regionCode() == null ? Optional.empty()
                : catalog.region(request.regionCode());
        if (region.isEmpty() && catalog.isEmpty()) {
            return earlier(idempotencyKey, fingerprint).orElseThrow(ApplicationProblems::catalogUnavailable);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.timeZone());
        List<FieldProblem> problems = new ArrayList<>(ApplicationValidator.validate(request, region, today));
        IdentityAssurance.Outcome identity = IdentityAssurance.establish(caller, submitter,
                request.identityVerification(), now);
        problems.addAll(identity.problems());
        problems.addAll(TruthfulnessDeclaration.problems(request.declaration()));
        Map<String, StoredMaterial> owned = uploads.ownedBy(submitter.subject(), namedMaterials(request.materials()));
        MaterialsCheck.Outcome materials = checkMaterials(request, region, owned, identity.identity(), today);
        problems.addAll(materials.problems());
        if (!materials.gaps().isEmpty()) {
            return earlier(idempotencyKey, fingerprint)
                    .orElseThrow(() -> ApplicationProblems.materialsIncomplete(problems, materials.gaps()));
        }
        if (!problems.isEmpty()) {
            return earlier(idempotencyKey, fingerprint).orElseThrow(() -> ApplicationProblems.invalid(problems));
        }
        var unverified = IdentityAssurance.refusal(region, identity.identity());
        if (unverified.isPresent()) {
            return earlier(idempotencyKey, fingerprint).orElseThrow(unverified::get);
        }
        Application application = newApplication(idempotencyKey, fingerprint, request, region.orElseThrow(), now, today,
                submitter, identity.identity(), materials.items());
        String claim = InsuredDiseases.key(application);
        InsuredDiseases.Claimed claimed = insuredDiseases.claim(claim, application.applicationNumber(), idempotencyKey,
                now);
        if (!claimed.taken()) {
            String holder = visibleTo(caller, claimed.openNumber());
            return earlier(idempotencyKey, fingerprint)
                    .orElseThrow(() -> ApplicationProblems.alreadyOpen(holder, application.diseaseCode()));
        }
        var wrongKind = ApplicationKinds.refusal(kindOf(request), request.qualificationNumber(), claimed.qualification(),
                application.applicant().idNumberIndex(), application.regionCode(), applications,
                number -> visibleTo(caller, number));
        if (wrongKind.isPresent()) {
            insuredDiseases.release(claim, application.applicationNumber());
            return earlier(idempotencyKey, fingerprint).orElseThrow(wrongKind::get);
        }
        // A material already serving an application (the same scan reused) keeps it: only new ones are marked.
        uploads.attach(materials.items().stream().flatMap(item -> item.materialIds().stream())
                .filter(id -> owned.get(id).applicationNumber() == null).toList(), application.applicationNumber(),
                application.hospital().code());
        try {
            outbox.insert(application, application.applicationNumber(), Application.COLLECTION);
        } catch (DuplicateKeyException repeated) {
            Optional<Application> stored = applications.findByIdempotencyKey(idempotencyKey);
            insuredDiseases.handOver(claim, application.applicationNumber(), stored.orElse(null));
            return stored.map(earlier -> replay(earlier, fingerprint)).orElseThrow(() -> repeated);
        }
        meters.counter("intake.applications.submitted", "region", application.regionCode(),
                "channel", application.channel().name()).increment();
        log.info("Application {} submitted for {} in region {} via {} by {} {}", application.applicationNumber(),
                application.diseaseCode(), application.regionCode(), application.channel(), submitter.role(),
                submitter.subject());
        return new Submission(application, false);
    }

    /**
     * The material items checked against the region's rules for the disease and the submitter's own uploads; nothing
     * is checked while the region or disease is unknown (the validator reports that). A person verified by the
     * e-voucher need not carry the materials the region's policy waives for it.
     */
    private MaterialsCheck.Outcome checkMaterials(SubmitApplicationRequest request, Optional<RegionCatalog> region,
            Map<String, StoredMaterial> owned, @Nullable VerifiedIdentity identity, LocalDate today) {
        Optional<CatalogDisease> disease = region.flatMap(r -> r.disease(request.diseaseCode()));
        if (disease.isEmpty() || region.get().policy() == null) {
            return new MaterialsCheck.Outcome(List.of(), List.of(), List.of());
        }
        var rules = region.get().policy().materialsFor(disease.get());
        Set<String> conditionsMet = request.agent() == null ? Set.of() : Set.of(AGENT_APPLICATION);
        Set<String> required = new java.util.HashSet<>(MaterialsCheck.requiredAtSubmission(rules, conditionsMet));
        List<String> waived = region.get().policy().materialsWaivedByEVoucher();
        if (identity != null && identity.method() == IdentityVerification.E_VOUCHER && waived != null) {
            waived.forEach(required::remove);
        }
        return MaterialsCheck.check(request.materials(), rules, required, "MANDATORY", owned,
                region.get().regionCode(), today);
    }

    /**
     * The number of another application, for a caller who may read it (the one who submitted it, the insured person,
     * staff of its region); null for anyone else, so that a refusal tells a stranger no application number.
     */
    private @Nullable String visibleTo(Caller caller, @Nullable String number) {
        return number == null ? null : applications.find(number).filter(a -> seals.mayRead(caller, a))
                .map(Application::applicationNumber).orElse(null);
    }

    private static ApplicationKind kindOf(SubmitApplicationRequest request) {
        return request.kind() == null ? ApplicationKind.NEW : request.kind();
    }

    /** The material ids a request names, each once; at most 200 are looked up. */
    static List<String> namedMaterials(
            @Nullable List<SubmitApplicationRequest.@Nullable MaterialItemRequest> items) {
        return items == null ? List.of() : items.stream()
                .filter(item -> item != null && item.materialIds() != null).flatMap(item -> item.materialIds().stream())
                .filter(id -> id != null).distinct().limit(200).toList();
    }

    /** The application stored earlier under this key, as a replay; a different request under it is refused. */
    private Optional<Submission> earlier(String idempotencyKey, String fingerprint) {
        return applications.findByIdempotencyKey(idempotencyKey).map(earlier -> replay(earlier, fingerprint));
    }

    private Submission replay(Application earlier, String fingerprint) {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw ApplicationProblems.idempotencyKeyReused(earlier.applicationNumber());
        }
        return new Submission(earlier, true);
    }

    private Application newApplication(String key, String fingerprint, SubmitApplicationRequest request,
            RegionCatalog region, Instant now, LocalDate today, Submitter submitter,
            @Nullable VerifiedIdentity identity, List<MaterialItem> materials) {
        String number = numbers.next(region.regionCode(), today);
        CatalogDisease disease = region.disease(request.diseaseCode()).orElseThrow();
        var who = request.applicant();
        Applicant applicant = seals.seal(number, who.idNumber().toUpperCase(), who.name().strip(), who.phone(),
                who.insuranceType());
        Hospital hospital = new Hospital(request.hospital().name().strip(), request.hospital().level(),
                request.hospital().code());
        var by = request.agent();
        Agent agent = by == null ? null : seals.sealAgent(number, by.idNumber().toUpperCase(), by.name().strip(),
                by.phone(), by.relationship());
        ApplicationSubmitted event = new ApplicationSubmitted(TimeOrderedIds.next(), ApplicationSubmitted.SCHEMA_VERSION, now,
                number, region.regionCode(), disease.code(), disease.name(), disease.category(), applicant, hospital,
                seals.sealConditionSummary(number, request.conditionSummary().strip()), request.channel(), now,
                submitter, materials.stream().map(MaterialItem::supplied).toList(),
                kindOf(request), request.qualificationNumber(), agent);
        OutboxEntry outbox = new OutboxEntry(event.eventId().toString(), Topics.APPLICATION_SUBMITTED, number,
                json.writeValueAsString(event), now);
        return new Application(number, key, fingerprint, region.regionCode(), disease.code(), disease.name(),
                disease.category(), applicant, hospital, event.conditionSummary(), request.channel(), now,
                ApplicationStatus.SUBMITTED, List.of(new TimelineEntry(ApplicationStatus.SUBMITTED, now, "已受理")),
                List.of(), 0L, List.of(outbox), submitter, identity, materials,
                new Application.ConfirmedDeclaration(request.declaration().version(), now), List.of(), null, null,
                kindOf(request), request.qualificationNumber(), agent, null, null);
    }

    private void checkKey(String key) {
        if (key.isBlank() || key.length() > properties.idempotencyKeyMaxLength()) {
            throw ApplicationProblems.invalidIdempotencyKey(
                    "must be 1 to " + properties.idempotencyKeyMaxLength() + " characters");
        }
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApplicationProblems.invalidIdempotencyKey("must be printable ASCII without spaces");
        }
    }

    /**
     * Tells a repeated request from a different one under the same key. Keyed (the blind index's HMAC over the body as
     * JSON), since the body holds personal data: without the key, a stored fingerprint cannot be matched against a
     * guessed body.
     */
    private String fingerprint(SubmitApplicationRequest request) {
        return index.of("request", json.writeValueAsString(request));
    }
}
