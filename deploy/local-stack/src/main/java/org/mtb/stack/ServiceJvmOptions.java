package org.mtb.stack;

import java.util.List;

/**
 * The JVM options the stack starts each service and the authorization server with ({@link StackSettings#jvmOptions},
 * {@link StackSettings#authJvmOptions}): those of every service first, then a part's own, so that a later option wins.
 * Each was measured on the 2-core machine against the stack's 2 GiB (benchmarks/README.md).
 */
final class ServiceJvmOptions {

    /**
     * Four Boot services, a broker and a database share a developer laptop (2 GiB for all, idle and under load): a
     * small heap, the serial collector (no collector threads or remembered sets to pay for on a small heap), small
     * thread stacks, and C1 only. Measured with {@code ./mtb bench submissions} on 2 cores, C2 took the services 46 s
     * instead of 25 s to be healthy and 50 MB more each, and accepted no more applications per second (261/s against
     * 264/s): the C1 compiler is the better choice here (see benchmarks/README.md), except for intake
     * ({@link #INTAKE_JVM_OPTIONS}). A service out of memory exits
     * rather than run on half alive (its relay stopped, say). The heap starts at 64 MB and grows as a service needs it:
     * on a machine with more than 16 GB the JVM would commit the whole 256 MB from the start (a 64th of the memory), and
     * a service that never needs it (catalog, say) would touch its whole young generation all the same (about 50 MB
     * each, measured in {@code ./mtb bench submissions}). The code cache may grow by half of its 64 MB before a
     * collection looks for code to unload: with the defaults (48 MB reserved at C1, 15 %) intake ran three full
     * collections of 300-540 ms while it started, one per 7 MB of code compiled (seen in {@code -Xlog:gc}); with these
     * neither intake nor review ran one. The 64 MB are reserved, not committed: a service compiles about 25 MB. In the
     * same way the first collection for class metadata waits until there are 96 MB of it (a service holds about 70 MB):
     * on the first start after a build, before a class-data archive exists, intake ran three full collections of
     * 90-440 ms for metadata (the JVM's first threshold is about 21 MB).
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-XX:SweeperThreshold=50",
            "-XX:MetaspaceSize=96m", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Intake's own options, after those of every service (a later option wins): C2, with its heap at 192 MB to pay
     * for the compiler's memory. Intake is where every application's request is parsed, checked, sealed and stored, and
     * the part of the stack a burst waits on; the other services work in batches that grow with the load. Measured with
     * {@code ./mtb bench submissions --phases b,c,e} on 2 cores, alternating (benchmarks/README.md): at 300/s offered,
     * C1 took 243-299/s with HTTP p99 492-704 ms, C2 all 300/s with p99 196-247 ms; at 600/s both took what the
     * machine's drift allowed (180-245/s, 224-251/s). C2 leaves intake 5-35 MB larger after the load, which the Kafka
     * broker at C1 pays for ({@link KafkaNode#JVM_OPTIONS}): the stack ended the load at 1,979-2,003 MB. The code cache
     * may reserve 96 MB, since C2 keeps profiled and optimized code side by side. C2 inlines as it did before JDK 14
     * and 9 (nine levels deep, callees already compiled up to 1,000 bytes), so that each compilation of the long tail
     * of a request's path, still under way minutes into a load, is smaller: at 60/s at the machine's slow hour intake's
     * compilers took 0.29-0.33 cores instead of 0.34-0.42, and intake 14.4-14.7 ms CPU an application instead of
     * 16.7-16.9 ms (benchmarks/README.md, the load's own JVM). Its compilers' thresholds are halved
     * ({@code CompileThresholdScaling=0.5}): a method reaches C2 after half the calls, so that more of a request's path
     * is compiled by the time a burst comes; in four pairs of runs of {@code --phases a,b}, alternated, phase (b) took
     * 413, 571, 564 and 534/s against 384, 459, 539 and 524/s, its start no slower and intake about 15 MB larger
     * (benchmarks/README.md, "Intake's compilers at half their thresholds"). The parallel collector on two threads,
     * with a fixed young generation of 64 MB (survivor spaces of 8 MB each): a request waits while intake collects,
     * and the serial collector's one thread, sharing the two cores with every other part, took 60-140 ms on the clock
     * for a young collection under load; requests then piled up, more of them outlived the next collection, and
     * intake refused applications for seconds. With two threads a pause took 6-7 ms (median), at most 59 ms
     * (benchmarks/README.md, "Collections that wait for a core"). {@code MTB_INTAKE_JVM_OPTS} replaces
     * these: {@code MTB_INTAKE_JVM_OPTS=-XX:TieredStopAtLevel=1} runs intake as every service (a blank value counts as
     * unset).
     */
    static final List<String> INTAKE_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=4", "-Xmx192m",
            "-XX:ReservedCodeCacheSize=96m", "-XX:MaxInlineLevel=9", "-XX:InlineSmallCode=1000",
            "-XX:CompileThresholdScaling=0.5", "-XX:-UseSerialGC", "-XX:+UseParallelGC", "-XX:ParallelGCThreads=2",
            "-XX:-UseAdaptiveSizePolicy", "-Xmn64m", "-XX:SurvivorRatio=6");

    /**
     * Review's and notification's own options, after those of every service: a 40 MB young generation. They read Kafka
     * in batches, and what a batch holds lives across a collection or two; with the young generation the JVM sizes from
     * the 64 MB first heap (20 MB), much of it was promoted, and under load the old generation grew to 68-91 MB, of
     * which 40-43 MB was alive after a full collection. With 40 MB it held 51-52 MB, and each service ended the load
     * about 12 MB smaller on average, at most 289 MB (review) and 282 MB (notification) where before they reached 311
     * and 318 MB (benchmarks/README.md, "Smaller young generations for MongoDB, review and notification").
     * {@code MTB_REVIEW_JVM_OPTS} and {@code MTB_NOTIFICATION_JVM_OPTS} replace these.
     */
    static final List<String> CONSUMER_JVM_OPTIONS = List.of("-Xmn40m");

    /**
     * The authorization server holds a dozen clients and users and signs a token now and then: a small heap is plenty,
     * after the options of every service (a later option wins).
     */
    static final List<String> AUTH_JVM_OPTIONS = List.of("-Xmx64m");

    private ServiceJvmOptions() {
    }
}
