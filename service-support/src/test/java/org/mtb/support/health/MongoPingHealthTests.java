package org.mtb.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoPingHealthTests {

    @Test
    void replacesBootsIndicatorAndIsUpWhileTheEmbeddedServerAnswersAndDownOnceItIsGone() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        try (MongoClient client = MongoClients.create(mongo.uri("health") + "?serverSelectionTimeoutMS=500")) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MongoPingHealthAutoConfiguration.class,
                            MongoHealthContributorAutoConfiguration.class))
                    .withBean(MongoClient.class, () -> client)
                    .withBean(MongoTemplate.class, () -> new MongoTemplate(client, "health"))
                    .run(context -> {
                        HealthIndicator indicator = context.getBean("mongoHealthContributor", HealthIndicator.class);
                        assertThat(indicator).isInstanceOf(MongoPingHealthIndicator.class);
                        Health up = indicator.health(true);
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(up.getDetails()).containsEntry("database", "health");

                        mongo.close();

                        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
                    });
        } finally {
            mongo.close();
        }
    }
}
