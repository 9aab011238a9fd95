package org.mtb.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * A Spring Boot jar as the stack starts it: extracted once per content, as Boot's {@code -Djarmode=tools extract} would
 * ({@link Extraction}), so that its JVM keeps the classes it loads in a class-data archive of its own
 * ({@code -XX:SharedArchiveFile} with {@code -XX:+AutoCreateSharedArchive}, JDK 19 and later). The archive is written
 * when the part first stops and read from its next start on. Beside it a stamp names the JDK, the options and the class
 * path (each jar's size and time) it was recorded with; with any other the stack deletes it, so that it is recorded
 * anew: the JVM refuses an archive of another class path and, although told to create one, then writes none. The
 * classes inside a Boot jar's nested jars cannot be archived, hence the extraction. Measured on the 2-core machine
 * when the services were smaller, {@code ./mtb up} was all up after 40-41 s with the jars as built, 35 s extracted,
 * 25-26 s with the archives; 39-42 s with the archives in December 2026 (benchmarks/README.md).
 *
 * <p>{@code MTB_CLASS_ARCHIVES=aot} keeps an AOT cache instead on JDK 25 and later ({@link AotCache}): later starts are
 * faster, but the first with new libraries is slower and its stop takes a minute or two, so it pays only for a stack
 * started many times between changes of libraries. {@code MTB_CLASS_ARCHIVES=off} runs the jars as built.
 *
 * <p>The JVM's class path holds the libraries only; the project's own code (the service's jar and the build's modules,
 * Spring Boot's "application" layer) is loaded apart ({@link OwnCodeApart}), so the archive holds the libraries'
 * classes and stays valid through a change to the project's code. (Before, every such change voided it: the first
 * start after a change to service-support was a first start, 54-77 s; now 39.6 s, as any start with the archives.)
 *
 * <p>The extraction sits beside the jar ({@code target/local-stack/<part>/}), with a digest of what the jar it came
 * from holds; a jar rebuilt with other content is extracted again ({@link Extraction}): with other libraries, the
 * archive goes with the old extraction; when the old one holds every library of the new, only the own code is
 * replaced, and the archive stays if its stamp still holds. A jar rewritten with
 * the same content keeps everything: Maven rewrites every service's jar on each build (its
 * {@code build-info.properties} is written anew), and the stack's start took 60-65 s instead of 35-40 s after each
 * {@code ./mtb build} or benchmark that changed nothing. A jar that cannot be extracted (not a Boot jar, a read-only
 * folder) is run as it is.
 */
final class ExtractedJars {

    /**
     * What to run: the jar, the options that go before every other JVM option, and whether the JVM may write its class
     * archive or AOT cache as it stops, and so needs longer to stop: killed while writing, it leaves a part-written
     * file. (With the 20 s of other parts, intake's archive was cut at 2 MB when the four services wrote theirs side by
     * side at the machine's slowest hour, and intake started without one each time.)
     *
     * @param recordsAnew the archive or cache this JVM records from nothing, or null when it reads one already there.
     *                    Stopped before it is healthy, the JVM still writes a valid one of the classes it had loaded
     *                    so far, and every later start would read that one and never record a whole one: such a
     *                    file is to be deleted ({@link #discardUnfinished})
     */
    record Launch(Path jar, List<String> jvmOptions, boolean writesCacheAtExit, @Nullable Path recordsAnew,
            @Nullable OwnCodeApart ownCodeApart) {

        /** A jar run as built: no archive read or written. */
        static Launch asBuilt(Path jar) {
            return new Launch(jar, List.of(), false, null, null);
        }

        /** What follows the JVM options on the command line: the jar, or the libraries and the own code apart. */
        List<String> arguments() {
            return ownCodeApart == null ? List.of("-jar", jar.toString()) : ownCodeApart.arguments();
        }
    }

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private ExtractedJars() {
    }

    /**
     * @param jvmOptions every option of the part's command line but those returned: an AOT cache is recorded with
     *                   them, and recorded anew when they change
     */
    static Launch prepare(Path bootJar, String part, List<String> jvmOptions) {
        return prepare(bootJar, part, jvmOptions, System.getenv().getOrDefault("MTB_CLASS_ARCHIVES", ""),
                Runtime.version().feature());
    }

    /** As {@link #prepare(Path, String, List)}, with {@code MTB_CLASS_ARCHIVES} and the JDK's version given. */
    static Launch prepare(Path bootJar, String part, List<String> jvmOptions, String archives, int jdk) {
        if ("off".equalsIgnoreCase(archives)) {
            return Launch.asBuilt(bootJar);
        }
        Path root = bootJar.toAbsolutePath().getParent().resolve("local-stack");
        Path dir = root.resolve(part);
        ReentrantLock lock = IN_THIS_JVM.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(part + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock acrossProcesses = channel.lock()) {
                Path extracted = dir.resolve(bootJar.getFileName());
                Path stamp = root.resolve(part + ".stamp");
                String source = contentOf(bootJar);
                Set<String> own = OwnCodeApart.ownLibraries(bootJar);
                if (!Files.isRegularFile(extracted) || !Files.isRegularFile(stamp)
                        || !Files.readString(stamp).equals(source)) {
                    Files.deleteIfExists(stamp);
                    if (Extraction.into(bootJar, dir, own)) {
                        System.err.printf("[local-stack] %s: only its own code changed; its libraries are kept%n",
                                part);
                    }
                    Files.writeString(stamp, source);
                }
                OwnCodeApart apart = OwnCodeApart.of(own, extracted, LauncherJar.of(root, part));
                if (jdk >= AotCache.FIRST_JDK && "aot".equalsIgnoreCase(archives)) {
                    AotCache.Plan plan = AotCache.plan(dir, part, apart.classPath(), jvmOptions);
                    return new Launch(extracted, plan.jvmOptions(), plan.writesCacheAtExit(), plan.recording(), apart);
                }
                Path archive = dir.resolve(part + ".jsa");
                if (writtenInPart(archive)) {
                    System.err.printf("[local-stack] %s: its class archive was written in part (its JVM was stopped"
                            + " while writing it); it is written anew%n", part);
                    Files.delete(archive);
                }
                keepOnlyIfRecordedWith(archive, OwnCodeApart.recordedWith(apart.classPath(), jvmOptions), part);
                return new Launch(extracted, List.of("-XX:SharedArchiveFile=" + archive,
                        "-XX:+AutoCreateSharedArchive"), true, Files.exists(archive) ? null : archive, apart);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            System.err.printf("[local-stack] %s runs from %s as built: %s%n", part, bootJar, e.getMessage());
            return Launch.asBuilt(bootJar);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes the archive unless it was recorded with this JDK, these options and this class path, each jar's size and
     * time as the JVM checks them ({@code <archive>.stamp}, written for the recording). The JVM refuses an archive of
     * another class path (a library or the launcher changed) and, although it was told to create one, does not write a
     * new one, so every later start would run without (JDK 25: "shared class paths mismatch", the archive left as it
     * was). An archive the JVM rewrites by itself (other options) is recorded anew here too, so that a JVM stopped
     * before its part is healthy has its partial archive discarded ({@link #discardUnfinished}).
     */
    private static void keepOnlyIfRecordedWith(Path archive, String recordedWith, String part) throws IOException {
        Path stamp = archive.resolveSibling(archive.getFileName() + ".stamp");
        if (Files.exists(archive) && !(Files.isRegularFile(stamp) && Files.readString(stamp).equals(recordedWith))) {
            System.err.printf("[local-stack] %s: its class archive was recorded with another JDK, options or class"
                    + " path; it is recorded anew%n", part);
            Files.delete(archive);
        }
        if (!Files.exists(archive)) {
            Files.writeString(stamp, recordedWith);
        }
    }

    /**
     * Deletes what {@code launch} was recording from nothing, once its JVM has exited before the part was healthy
     * (stopped while it started, or failed): the next start records a whole one instead.
     */
    static void discardUnfinished(Launch launch) {
        if (launch.recordsAnew() == null) {
            return;
        }
        try {
            Files.deleteIfExists(launch.recordsAnew());
        } catch (IOException e) {
            System.err.printf("[local-stack] could not delete %s, recorded by a part stopped before it was healthy: %s"
                    + "%n", launch.recordsAnew(), e.getMessage());
        }
    }

    /**
     * What a jar holds, whatever the times of its file and its entries: a SHA-256 of each entry's name, size and CRC-32
     * (from the jar's central directory, without reading the entries).
     */
    static String contentOf(Path jar) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                digest.update((entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Whether the archive's header is still blank: the JVM writes it last, so a JVM killed while writing leaves it so.
     * Such a file is taken for a base archive that does not load, and the JVM then never writes the archive again
     * ("AutoCreateSharedArchive is unsupported when base CDS archive is not loaded"), so it must go.
     */
    static boolean writtenInPart(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] header = in.readNBytes(8);
            for (byte b : header) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
