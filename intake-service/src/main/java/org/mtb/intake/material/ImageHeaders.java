package org.mtb.intake.material;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's declared dimensions from its header, never decoding the pixels, and refuses an image that would
 * need more than the pixel budget to decode (a "decompression bomb": a small file declaring a huge image), or whose
 * header cannot be read at all.
 */
final class ImageHeaders {

    private final long maxPixels;

    ImageHeaders(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    void check(Path image, MaterialFormat format) {
        Dimensions declared = dimensions(image, format)
                .orElseThrow(() -> MaterialProblems.imageUnreadable(format.name()));
        if (declared.width() * declared.height() > maxPixels) {
            throw MaterialProblems.imageTooLargeToDecode(declared.width(), declared.height(), maxPixels);
        }
    }

    private static Optional<Dimensions> dimensions(Path image, MaterialFormat format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                // Seek forward only and ignore metadata: getWidth and getHeight then read no more than the header.
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                return width > 0 && height > 0 ? Optional.of(new Dimensions(width, height)) : Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Dimensions(long width, long height) {
    }
}
