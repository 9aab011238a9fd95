package org.mtb.contracts;

/** An event about one application; its Kafka key is the application number. */
public interface ApplicationEvent extends IntegrationEvent {

    String applicationNumber();
}
