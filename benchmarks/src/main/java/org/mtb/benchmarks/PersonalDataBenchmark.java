package org.mtb.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.SealedField;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.CipherAlgorithm;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.FileKeyRing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What sealing personal data costs per application (issue 10), in each algorithm a deployment may choose:
 * <ul>
 * <li>{@link #sealAnApplication}: what intake adds to each submission: the ID number, name, phone and condition
 * summary sealed, the ID number's blind index, the three masked forms;</li>
 * <li>{@link #openAPhone}: what notification adds to each SMS, and review to each condition summary it shows;</li>
 * <li>{@link #indexAnIdNumber}: what a lookup of the insured person adds (reading an application's messages).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class PersonalDataBenchmark {

    private static final String NUMBER = "620900-20261130-000001";
    private static final String ID_NUMBER = "62090219800101123X";
    private static final String NAME = "欧阳娜娜";
    private static final String PHONE = "13800138000";
    private static final String SUMMARY = "确诊高血压5年，长期服用降压药，血压控制不佳，需门诊长期治疗";

    @Param({"AES_256_GCM", "SM4_GCM"})
    public String algorithm;

    private FieldCipher cipher;
    private BlindIndex index;
    private String sealedPhone;

    @Setup
    public void keys() {
        try {
            Path dir = Files.createTempDirectory("personal-data-benchmark");
            FileKeyRing ring = new FileKeyRing(dir.resolve("keys.json"), CipherAlgorithm.valueOf(algorithm),
                    Clock.systemUTC());
            cipher = new FieldCipher(ring);
            index = new BlindIndex(ring);
            sealedPhone = cipher.seal(PHONE, SealedField.PHONE.context(NUMBER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public void sealAnApplication(Blackhole out) {
        out.consume(cipher.seal(ID_NUMBER, SealedField.ID_NUMBER.context(NUMBER)));
        out.consume(cipher.seal(NAME, SealedField.NAME.context(NUMBER)));
        out.consume(cipher.seal(PHONE, SealedField.PHONE.context(NUMBER)));
        out.consume(cipher.seal(SUMMARY, SealedField.CONDITION_SUMMARY.context(NUMBER)));
        out.consume(index.ofIdNumber(ID_NUMBER));
        out.consume(PersonalData.maskIdNumber(ID_NUMBER));
        out.consume(PersonalData.maskName(NAME));
        out.consume(PersonalData.maskPhone(PHONE));
    }

    @Benchmark
    public String openAPhone() {
        return cipher.open(sealedPhone, SealedField.PHONE.context(NUMBER));
    }

    @Benchmark
    public String indexAnIdNumber() {
        return index.ofIdNumber(ID_NUMBER);
    }
}
