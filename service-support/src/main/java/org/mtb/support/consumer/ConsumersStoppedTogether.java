package org.mtb.support.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Stops every binding's listener container at once when the service shuts down, just before the binder stops its
 * bindings one after the other. A container has stopped when its consumer has closed, and a consumer closes only when
 * the fetch it has in flight returns: an idle binding's fetch waits up to 5 s (the binder's {@code fetch.max.wait.ms},
 * {@code binder-defaults.yml}). One after the other, intake (14 bindings) took 35-40 s to stop, and the local
 * stack as long (Ctrl-C, the end-to-end tests and benchmarks); together they take the longest wait of any one.
 *
 * <p>The containers are those the binder hands its container customizer ({@link DeadLetteringBatches}). Spring waits
 * for them up to its shutdown phase's timeout, then goes on; the binder's own stop finds them stopped. A stop lets go
 * of the containers it stopped: the binder unbinds them then, and a context started again binds new ones.
 */
final class ConsumersStoppedTogether implements SmartLifecycle {

    /** Above the binder's input bindings (Integer.MAX_VALUE - 3000), so stopped just before them. */
    static final int PHASE = Integer.MAX_VALUE - 2000;

    private final List<MessageListenerContainer> containers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    void add(MessageListenerContainer container) {
        containers.add(container);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        taken().forEach(MessageListenerContainer::stop);
    }

    @Override
    public void stop(Runnable stopped) {
        running = false;
        List<MessageListenerContainer> live = taken().stream().filter(MessageListenerContainer::isRunning).toList();
        if (live.isEmpty()) {
            stopped.run();
            return;
        }
        AtomicInteger left = new AtomicInteger(live.size());
        for (MessageListenerContainer container : live) {
            container.stop(() -> {
                if (left.decrementAndGet() == 0) {
                    stopped.run();
                }
            });
        }
    }

    /** The containers held until now, no longer held. */
    private List<MessageListenerContainer> taken() {
        List<MessageListenerContainer> held = List.copyOf(containers);
        containers.removeAll(held);
        return held;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
