package org.mtb.review.timer;

import java.util.List;

/** Acts on timers that fell due. It must act at most once per timer, whatever instance calls it and how often. */
public interface DueTimerHandler {

    /**
     * @param due timers whose moment has come, earliest first; some may be stale
     * @return the timers it acted on now (not stale and not acted on before), for the lateness metric
     */
    List<DueTimer> fire(List<DueTimer> due);
}
