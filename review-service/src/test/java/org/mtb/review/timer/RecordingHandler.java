package org.mtb.review.timer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handler that acts on every timer once, like the SLA handler does, except on those whose subject is not there yet
 * (in {@link #missing}), and remembers what it acted on.
 */
final class RecordingHandler implements DueTimerHandler {

    final List<DueTimer> acted = new ArrayList<>();
    final List<List<DueTimer>> prepared = new ArrayList<>();
    final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        prepared.add(soon);
        List<DueTimer> notYet = soon.stream().filter(timer -> missing.contains(timer.subject())).toList();
        return Prepared.of(notYet, () -> {
            List<DueTimer> now = soon.stream().filter(timer -> !notYet.contains(timer) && done.add(timer.key()))
                    .toList();
            acted.addAll(now);
            return now;
        });
    }
}
