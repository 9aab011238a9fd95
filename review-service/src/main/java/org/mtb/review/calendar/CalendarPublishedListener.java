package org.mtb.review.calendar;

import java.util.function.Consumer;
import org.mtb.contracts.calendar.CalendarPublished;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CalendarPublishedListener {

    @Bean
    Consumer<Message<byte[]>> onCalendarPublished(RegionCalendars calendars, JsonMapper json) {
        return message -> calendars.apply(json.readValue(message.getPayload(), CalendarPublished.class));
    }
}
