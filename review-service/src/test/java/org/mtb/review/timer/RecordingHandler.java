package org.mtb.review.timer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A handler that acts on every timer once, like the SLA handler does, and remembers when. */
final class RecordingHandler implements DueTimerHandler {

    final List<DueTimer> acted = new ArrayList<>();
    final List<List<DueTimer>> prepared = new ArrayList<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        prepared.add(soon);
        return () -> {
            List<DueTimer> now = soon.stream().filter(timer -> done.add(timer.key())).toList();
            acted.addAll(now);
            return now;
        };
    }
}
