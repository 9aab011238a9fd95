package org.mtb.intake.material;

import java.util.Locale;
import java.util.Optional;

/** The formats a material may have, as the catalog names them, with the media type detected from the bytes. */
enum MaterialFormat {
    JPG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    MaterialFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    boolean isImage() {
        return this != PDF;
    }

    /** The format of a detected media type (parameters ignored); empty for anything but JPEG, PNG and PDF. */
    static Optional<MaterialFormat> of(String detectedMediaType) {
        String bare = detectedMediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (MaterialFormat format : values()) {
            if (format.mediaType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Whether a catalog's format name stands for this format; catalogs write JPEG as JPG or JPEG. */
    boolean isNamed(String catalogName) {
        String name = catalogName.strip().toUpperCase(Locale.ROOT);
        return name.equals(name()) || this == JPG && name.equals("JPEG");
    }
}
