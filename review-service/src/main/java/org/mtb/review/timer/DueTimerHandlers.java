package org.mtb.review.timer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several handlers as one: a batch's timers go to the handler that names their kind, or to the one that names none.
 * A timer no handler takes is stale: it is neither fired nor read again.
 */
final class DueTimerHandlers implements DueTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(DueTimerHandlers.class);

    private final List<DueTimerHandler> handlers;

    private DueTimerHandlers(List<DueTimerHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    static DueTimerHandler of(List<DueTimerHandler> handlers) {
        return handlers.size() == 1 ? handlers.getFirst() : new DueTimerHandlers(handlers);
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        Map<DueTimerHandler, List<DueTimer>> byHandler = new LinkedHashMap<>();
        for (DueTimer timer : soon) {
            DueTimerHandler handler = handlerOf(timer.kind());
            if (handler == null) {
                log.warn("No handler for timer {} of {}; it is dropped", timer.kind(), timer.subject());
            } else {
                byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(timer);
            }
        }
        List<Prepared> prepared = new ArrayList<>();
        byHandler.forEach((handler, timers) -> prepared.add(handler.prepare(timers)));
        List<DueTimer> notYet = prepared.stream().flatMap(p -> p.notYet().stream()).toList();
        return Prepared.of(notYet, () -> prepared.stream().flatMap(p -> p.fire().stream()).toList());
    }

    private @Nullable DueTimerHandler handlerOf(String kind) {
        DueTimerHandler fallback = null;
        for (DueTimerHandler handler : handlers) {
            if (handler.kinds().contains(kind)) {
                return handler;
            }
            if (handler.kinds().isEmpty() && fallback == null) {
                fallback = handler;
            }
        }
        return fallback;
    }
}
