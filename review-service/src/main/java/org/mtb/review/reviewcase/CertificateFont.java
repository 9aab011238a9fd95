package org.mtb.review.reviewcase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK TrueType font certificates are written in, embedded (subset) in every PDF so that it reads the same on any
 * machine. It is not shipped in the repository: {@code review.certificates.font} names it, else the first of
 * {@code .data/fonts/wqy-microhei.ttc} (where {@code ./mtb} and {@code .ci/run} unpack Debian's
 * {@code fonts-wqy-microhei}) and the system's copy of that package. Without one, certificates are refused with 503,
 * never written with missing glyphs.
 */
@Component
class CertificateFont {

    private static final Logger log = LoggerFactory.getLogger(CertificateFont.class);

    private final List<Path> candidates;
    private final AtomicReference<TrueTypeFont> loaded = new AtomicReference<>();

    CertificateFont(@Value("${review.certificates.font:}") String configured) {
        List<Path> paths = new ArrayList<>();
        if (!configured.isBlank()) {
            paths.add(Path.of(configured));
        }
        paths.add(Path.of(".data", "fonts", "wqy-microhei.ttc"));
        paths.add(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
        this.candidates = List.copyOf(paths);
    }

    /** The font, read once; empty where none of the candidates exists or reads as TrueType. */
    synchronized Optional<TrueTypeFont> font() {
        if (loaded.get() == null) {
            for (Path path : candidates) {
                if (Files.isReadable(path)) {
                    try {
                        loaded.set(read(path));
                        log.info("Certificates are written in {} from {}", loaded.get().getName(), path);
                        break;
                    } catch (IOException unreadable) {
                        log.warn("Font {} could not be read as TrueType: {}", path, unreadable.getMessage());
                    }
                }
            }
        }
        return Optional.ofNullable(loaded.get());
    }

    List<Path> candidates() {
        return candidates;
    }

    private static TrueTypeFont read(Path path) throws IOException {
        if (path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(font -> first.compareAndSet(null, font));
            if (first.get() == null) {
                throw new IOException("the collection holds no font");
            }
            return first.get();
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
    }
}
