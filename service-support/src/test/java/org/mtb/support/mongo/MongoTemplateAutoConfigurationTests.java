package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;

@ExtendWith(LocalMongo.class)
class MongoTemplateAutoConfigurationTests {

    private final String database = "events_" + System.nanoTime();
    private final List<String> published = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoTemplateAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> new MongoTemplate(LocalMongo.client(), database))
            .withBean("recorder", ApplicationListener.class, () -> (ApplicationListener<MongoMappingEvent<?>>)
                    event -> published.add(event.getClass().getSimpleName()));

    record Note(String id, String text) {
    }

    @Test
    void writesAndReadsPublishNoEntityLifecycleEvents() {
        contexts.run(context -> {
            MongoTemplate template = context.getBean(MongoTemplate.class);
            template.insert(new Note("n-1", "written"));
            assertThat(template.findById("n-1", Note.class)).isEqualTo(new Note("n-1", "written"));

            assertThat(published).isEmpty();
        });
    }

    @Test
    void aServiceThatNeedsThemTurnsThemBackOn() {
        contexts.withPropertyValues("mtb.mongo.entity-lifecycle-events=true").run(context -> {
            MongoTemplate template = context.getBean(MongoTemplate.class);
            template.insert(new Note("n-2", "written"));
            template.findById("n-2", Note.class);

            assertThat(published).contains("BeforeConvertEvent", "AfterSaveEvent", "AfterLoadEvent",
                    "AfterConvertEvent");
        });
    }
}
