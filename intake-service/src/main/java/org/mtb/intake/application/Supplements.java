package org.mtb.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.intake.catalog.CatalogCopy;
import org.mtb.intake.material.Materials;
import org.mtb.intake.material.StoredMaterial;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.mtb.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the applicant's answer to a supplement request (补正): every item asked for, each checked as at submission,
 * or nothing. The answer is added to the application's open round, never written over what was submitted, and its
 * {@code ApplicationSupplemented} is stored in the same update, conditional on the version read, so a second answer
 * to the same request cannot also be taken.
 */
@Service
class Supplements {

    private static final Logger log = LoggerFactory.getLogger(Supplements.class);

    private final MongoTemplate mongo;
    private final Applications applications;
    private final CatalogCopy catalog;
    private final Materials uploads;
    private final PersonalDataSeals seals;
    private final PendingOutbox pendingOutbox;
    private final JsonMapper json;
    private final Clock clock;
    private final IntakeProperties properties;

    Supplements(MongoTemplate mongo, Applications applications, CatalogCopy catalog, Materials uploads,
            PersonalDataSeals seals, PendingOutbox pendingOutbox, JsonMapper json, Clock clock,
            IntakeProperties properties) {
        this.mongo = mongo;
        this.applications = applications;
        this.catalog = catalog;
        this.uploads = uploads;
        this.seals = seals;
        this.pendingOutbox = pendingOutbox;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    Application supplement(Caller caller, String number, SupplementRequest request) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Application application = ApplicationActions.actedOnBy(caller, number, applications, seals);
            SupplementRound open = application.openSupplement()
                    .orElseThrow(() -> ApplicationProblems.supplementNotRequested(application));
            if (request.round() != null && request.round() != open.round()) {
                throw ApplicationProblems.supplementRoundClosed(number, request.round(), open.round());
            }
            Instant now = clock.instant();
            if (now.isAfter(open.dueAt())) {
                throw ApplicationProblems.supplementTimeEnded(number, open.dueAt());
            }
            List<Checked> supplied = check(caller, application, open, request, now);
            if (store(application, open, supplied, caller, now)) {
                log.info("Application {} supplemented for round {} with {} item(s)", number, open.round(),
                        supplied.size());
                return applications.find(number).orElseThrow();
            }
        }
        throw ApplicationProblems.keptChanging(number);
    }

    /** Every requested item, checked against the catalog's rule for its type (or, if it left the catalog, any file). */
    private List<Checked> check(Caller caller, Application application, SupplementRound open,
            SupplementRequest request, Instant now) {
        Map<String, MaterialRequirement> catalogRules = catalog.region(application.regionCode())
                .flatMap(region -> region.disease(application.diseaseCode()).filter(d -> region.policy() != null)
                        .map(disease -> region.policy().materialsFor(disease)))
                .orElse(Map.of());
        Map<String, MaterialRequirement> asked = new LinkedHashMap<>();
        for (SupplementItem item : open.requested()) {
            asked.put(item.type(), catalogRules.getOrDefault(item.type(), new MaterialRequirement(item.type(),
                    item.name(), MaterialRequirement.Requirement.MANDATORY, null, null, null,
                    List.of("JPG", "PNG", "PDF"), 5)));
        }
        List<String> named = ApplicationService.namedMaterials(request.materials());
        LocalDate today = LocalDate.ofInstant(now, properties.timeZone());
        Map<String, StoredMaterial> owned = uploads.ownedBy(caller.subject(), named);
        MaterialsCheck.Outcome outcome = MaterialsCheck.check(request.materials(), asked, Set.copyOf(asked.keySet()),
                "SUPPLEMENT_REQUESTED", owned, application.regionCode(), today);
        if (!outcome.passed()) {
            Set<String> given = outcome.items().stream().map(MaterialItem::type).collect(Collectors.toSet());
            List<SupplementItem> stillOpen = open.requested().stream().filter(i -> !given.contains(i.type())).toList();
            throw ApplicationProblems.supplementIncomplete(outcome.problems(), outcome.gaps(), stillOpen);
        }
        return outcome.items().stream().map(item -> new Checked(item, item.materialIds().stream()
                .filter(id -> owned.get(id).applicationNumber() == null).toList())).toList();
    }

    /** An item that passed, and those of its files no application references yet. */
    private record Checked(MaterialItem item, List<String> unattached) {
    }

    private boolean store(Application application, SupplementRound open, List<Checked> checked, Caller caller,
            Instant now) {
        List<MaterialItem> supplied = checked.stream().map(Checked::item).toList();
        String number = application.applicationNumber();
        int index = application.supplements().indexOf(open);
        ApplicationSupplemented event = new ApplicationSupplemented(TimeOrderedIds.next(),
                ApplicationSupplemented.SCHEMA_VERSION, now, number, application.regionCode(), open.round(),
                supplied.stream().map(MaterialItem::supplied).toList(), now,
                Submitters.of(caller));
        OutboxEntry entry = new OutboxEntry(event.eventId().toString(), Topics.APPLICATION_SUPPLEMENTED, number,
                json.writeValueAsString(event), now);
        Query unchanged = Query.query(Criteria.where("_id").is(number).and("version").is(application.version()));
        Update update = new Update().set("status", ApplicationStatus.UNDER_REVIEW)
                .set("supplements." + index + ".suppliedAt", now).set("supplements." + index + ".supplied", supplied)
                .push("timeline", new TimelineEntry(ApplicationStatus.UNDER_REVIEW, now,
                        "已补正第" + open.round() + "次材料，重新进入审核"))
                .push("outbox", entry).set("reviewDueAt", null).inc("version", 1);
        if (mongo.updateFirst(unchanged, update, Application.class).getModifiedCount() == 0) {
            return false;
        }
        uploads.attach(checked.stream().flatMap(c -> c.unattached().stream()).toList(), number,
                application.hospital().code());
        pendingOutbox.mark(Application.COLLECTION, List.of(number));
        return true;
    }
}
