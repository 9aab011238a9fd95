package org.mtb.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How {@link MetricReferences} finds metric names in PromQL and the docs, and how {@link ExposedMetrics} matches them
 * to a scrape; the end-to-end check itself runs in {@link WholeFlowTests}, on the real services.
 */
class MetricReferencesTests {

    @Test
    void readsMetricNamesAndNoFunctionKeywordLabelDurationOrVariableInPromQl() {
        assertThat(MetricReferences.namesInPromQl("""
                sum by (region) (increase(review_sla_breaches_total{application="review-service"}[15m])) > 0
                or
                sum by (region) (
                    review_sla_breaches_total{application="review-service"}
                  unless
                    review_sla_breaches_total{application="review-service"} offset 15m
                ) > 0""")).containsExactly("review_sla_breaches_total");
        assertThat(MetricReferences.namesInPromQl("sum(rate(mtb_outbox_events_published_total{service=\"x\"}"
                + "[$__rate_interval])) by (service) / on (service) group_left (kind) mtb_outbox_marks_pending"))
                .containsExactly("mtb_outbox_events_published_total", "mtb_outbox_marks_pending");
        assertThat(MetricReferences.namesInPromQl(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m]))) > bool 1e-3"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(MetricReferences.namesInPromQl("max_over_time(kafka_lag[1h:5m]) or vector(0) # lag, \"quoted\""))
                .containsExactly("kafka_lag");
    }

    @Test
    void readsNamesInBackticksThatStartAsThePlatformsMetricsDo() {
        assertThat(MetricReferences.namesInMarkdown("Metrics: `review_cases_open{region,sla_state}`, "
                + "`increase(review_sla_breaches_total[15m])`, `review.sla.breaches`, `kafka_2.13`, "
                + "`mongodb://127.0.0.1:27017/mtb_intake`, `mtb_outbox_*`, `jvm_memory_used_bytes`, "
                + "review_decisions_made_total outside backticks"))
                .containsExactly("review_cases_open", "review_sla_breaches_total");
    }

    @Test
    void matchesANameToTheSamplesOfItsFamily() {
        ExposedMetrics exposed = new ExposedMetrics();
        exposed.record("""
                # HELP review_sla_breaches_total
                # TYPE review_sla_breaches_total counter
                review_sla_breaches_total{application="review-service",region="659006"} 0.0
                review_timers_lateness_seconds{application="review-service",quantile="0.99"} 0.0
                review_timers_lateness_seconds_count{application="review-service"} 3
                review_timers_lateness_seconds_max{application="review-service"} 0.2
                up 1
                """);

        assertThat(exposed.exposes("review_sla_breaches_total")).isTrue();
        assertThat(exposed.exposes("review_sla_breaches")).isTrue();
        assertThat(exposed.exposes("review_timers_lateness_seconds")).isTrue();
        assertThat(exposed.exposes("review_timers_lateness_seconds_max")).isTrue();
        assertThat(exposed.exposes("review_timers_lateness_seconds_bucket")).isFalse();
        assertThat(exposed.exposes("review_sla_breaches_total_total")).isFalse();
        assertThat(exposed.exposes("review_deadlines_provisional_total")).isFalse();
    }

    @Test
    void findsTheNamesOfEveryRuleDashboardAndDocWithWhereTheyAreNamed() {
        Path repo = MetricReferences.repositoryRoot();
        Map<String, Set<String>> places = MetricReferences.in(repo).places();

        assertThat(places.values().stream().flatMap(Set::stream))
                .anyMatch(where -> where.startsWith(MetricReferences.RULES + "/sla.yml, alert SlaBreaches"))
                .anyMatch(where -> where.startsWith(MetricReferences.DASHBOARDS + "/mtb-outbox.json, panel "))
                .anyMatch(where -> where.matches(".*\\.md:\\d+"));
        assertThat(places).containsKeys("review_sla_breaches_total", "mtb_outbox_oldest_mark_age_seconds",
                "spring_cloud_stream_binder_kafka_offset");
        assertThat(places).as("labels, keywords, Prometheus' own series, databases")
                .doesNotContainKeys("region", "service", "group", "topic", "sum", "offset", "up", "ALERTS",
                        "mtb_intake", "mtb_review");
    }
}
