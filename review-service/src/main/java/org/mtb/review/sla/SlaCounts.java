package org.mtb.review.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Open cases per region by SLA state, and how many of them have a provisional deadline: kept by increments in
 * one small document per region (shared by all instances), and recounted from the cases now and then, since an
 * increment lost in a crash would otherwise stay wrong.
 */
@Component
public class SlaCounts {

    static final String COLLECTION = "sla_counts";
    private static final String PROVISIONAL = "PROVISIONAL";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final MultiGauge openCases;
    private final MultiGauge provisionalDeadlines;

    SlaCounts(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
        this.openCases = MultiGauge.builder("review.cases.open")
                .description("Open review cases by region and SLA state").register(meters);
        this.provisionalDeadlines = MultiGauge.builder("review.deadlines.provisional.open")
                .description("Open review cases whose deadline was counted without the year's holiday schedule")
                .register(meters);
    }

    public void opened(String regionCode, SlaClock sla) {
        change(regionCode, null, sla);
    }

    /** Cases of one region opened together: one upsert for all of them. */
    public void opened(String regionCode, List<SlaClock> clocks) {
        Map<String, Integer> delta = new HashMap<>();
        for (SlaClock sla : clocks) {
            if (sla.provisional()) {
                meters.counter("review.deadlines.provisional", "region", regionCode).increment();
                delta.merge(PROVISIONAL, 1, Integer::sum);
            }
            delta.merge(sla.state().name(), 1, Integer::sum);
        }
        apply(regionCode, delta);
    }

    public void closed(String regionCode, SlaClock sla) {
        change(regionCode, sla, null);
    }

    public void replaced(String regionCode, @Nullable SlaClock before, SlaClock after) {
        change(regionCode, before, after);
    }

    /**
     * Net changes per field in one upsert ({@code Update.inc} on the same field twice keeps only the last). A
     * provisional deadline stored now is also counted in {@code review.deadlines.provisional}.
     */
    private void change(String regionCode, @Nullable SlaClock before, @Nullable SlaClock after) {
        if (after != null && after.provisional()) {
            meters.counter("review.deadlines.provisional", "region", regionCode).increment();
        }
        Map<String, Integer> delta = new HashMap<>();
        if (before != null) {
            delta.merge(before.state().name(), -1, Integer::sum);
            if (before.provisional()) {
                delta.merge(PROVISIONAL, -1, Integer::sum);
            }
        }
        if (after != null) {
            delta.merge(after.state().name(), 1, Integer::sum);
            if (after.provisional()) {
                delta.merge(PROVISIONAL, 1, Integer::sum);
            }
        }
        apply(regionCode, delta);
    }

    private void apply(String regionCode, Map<String, Integer> delta) {
        Update update = new Update();
        delta.forEach((field, by) -> {
            if (by != 0) {
                update.inc(field, by);
            }
        });
        if (!update.getUpdateObject().isEmpty()) {
            mongo.upsert(Query.query(where("_id").is(regionCode)), update, COLLECTION);
        }
    }

    /** Cases of one region moved from the states {@code before} to the states {@code after}, pairwise. */
    void moved(String regionCode, List<SlaState> before, List<SlaState> after) {
        Map<String, Integer> delta = new HashMap<>();
        before.forEach(state -> delta.merge(state.name(), -1, Integer::sum));
        after.forEach(state -> delta.merge(state.name(), 1, Integer::sum));
        apply(regionCode, delta);
    }

    /** Recounts from the cases, one interval after start and then every interval (it reads every open case). */
    @Scheduled(initialDelayString = "${review.sla.recount-interval}",
            fixedDelayString = "${review.sla.recount-interval}")
    void recount() {
        Query open = Query.query(where("status").is(SlaCase.OPEN).and("sla").ne(null));
        open.fields().include("regionCode").include("sla.state").include("sla.provisional");
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Document c : mongo.find(open, Document.class, SlaCases.COLLECTION)) {
            Document sla = c.get("sla", Document.class);
            Map<String, Integer> region = counts.computeIfAbsent(c.getString("regionCode"), r -> new HashMap<>());
            region.merge(sla.getString("state"), 1, Integer::sum);
            if (Boolean.TRUE.equals(sla.getBoolean("provisional"))) {
                region.merge(PROVISIONAL, 1, Integer::sum);
            }
        }
        for (Document stored : mongo.findAll(Document.class, COLLECTION)) {
            counts.computeIfAbsent(stored.getString("_id"), r -> new HashMap<>());
        }
        counts.forEach((regionCode, byState) -> {
            Update set = new Update();
            for (SlaState state : SlaState.values()) {
                set.set(state.name(), byState.getOrDefault(state.name(), 0));
            }
            set.set(PROVISIONAL, byState.getOrDefault(PROVISIONAL, 0));
            mongo.upsert(Query.query(where("_id").is(regionCode)), set, COLLECTION);
        });
        refreshGauges();
    }

    @Scheduled(fixedDelayString = "${review.metrics-refresh-interval}")
    void refreshGauges() {
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        List<MultiGauge.Row<?>> provisional = new ArrayList<>();
        for (Document region : mongo.findAll(Document.class, COLLECTION)) {
            String code = region.getString("_id");
            // Present from zero, so that Prometheus' increase() sees a region's first breach after a restart.
            meters.counter("review.sla.breaches", "region", code);
            meters.counter("review.deadlines.provisional", "region", code);
            for (String supplements : List.of("review.supplements.requested", "review.supplements.received",
                    "review.supplements.lapsed", "review.cases.withdrawn")) {
                meters.counter(supplements, "region", code);
            }
            for (SlaState state : SlaState.values()) {
                Number count = region.get(state.name(), Number.class);
                states.add(MultiGauge.Row.of(Tags.of("region", code, "sla_state", state.name()),
                        count == null ? 0 : count.longValue()));
            }
            Number count = region.get(PROVISIONAL, Number.class);
            provisional.add(MultiGauge.Row.of(Tags.of("region", code), count == null ? 0 : count.longValue()));
        }
        openCases.register(states, true);
        provisionalDeadlines.register(provisional, true);
    }
}
