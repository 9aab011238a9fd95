package org.mtb.review.timer;

import java.util.List;
import java.util.function.Supplier;

/**
 * Acts on timers that fell due, at most once per timer whatever instance calls it and how often. The reading it
 * needs is done shortly before (see {@code review.timers.lookahead}), so that at the due moment only the writing is
 * left: a store that takes a millisecond to read a case still fires ten thousand timers within a second.
 */
public interface DueTimerHandler {

    /** The kinds of timer it acts on; empty for every kind no other handler names. */
    default java.util.Set<String> kinds() {
        return java.util.Set.of();
    }

    /**
     * What a handler finds of a timer when it reads ahead: due (acted on at its moment), not yet (what it belongs to is
     * not stored as the timer expects yet: read again on a later poll), or stale (superseded: dropped).
     */
    enum Verdict { DUE, NOT_YET, STALE }

    /** Reads what the timers will need; called up to the lookahead before they fall due. */
    Prepared prepare(List<DueTimer> soon);

    /** Timers read in advance, to be fired once all of them are due. */
    interface Prepared {

        /**
         * The timers whose subject is not yet as they expect (not stored yet, or not yet at their revision: timers
         * are written before what they belong to). The poller reads them again on a later poll instead of dropping
         * them; {@link #fire()} leaves them alone.
         */
        List<DueTimer> notYet();

        /** Acts on the timers; answers those it acted on now (not stale, not acted on before). */
        List<DueTimer> fire();

        static Prepared of(List<DueTimer> notYet, Supplier<List<DueTimer>> fire) {
            return new Prepared() {
                @Override
                public List<DueTimer> notYet() {
                    return notYet;
                }

                @Override
                public List<DueTimer> fire() {
                    return fire.get();
                }
            };
        }
    }
}
