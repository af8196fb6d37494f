package cn.huiyin.intake.application;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the evidence file types Huiyin accepts from their first bytes — never from the file name or the type the
 * uploader claims: JPEG, PNG, GIF, WebP and HEIC pictures (phone photos and screenshots) and PDF documents.
 */
public final class EvidenceTypes {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private EvidenceTypes() {
    }

    public static Optional<String> detect(byte[] content) {
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (ascii(content, 0, "GIF87a") || ascii(content, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(content, 0, "RIFF") && ascii(content, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(content, 4, "ftyp") && (ascii(content, 8, "heic") || ascii(content, 8, "heix")
            || ascii(content, 8, "mif1") || ascii(content, 8, "msf1"))) {
            return Optional.of("image/heic");
        }
        if (ascii(content, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        if (content.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] content, int offset, String expected) {
        byte[] bytes = expected.getBytes(StandardCharsets.US_ASCII);
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i];
        }
        return startsWith(content, offset, values);
    }
}
