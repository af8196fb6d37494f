package cn.huiyin.console.web.clerk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import cn.huiyin.console.ConsoleProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The QR code printed on the receipt: the worker's page with the tracking number filled in. The query code is not in
 * it — a photo of the code square alone must not open the worker's grievance.
 */
@Controller
class ReceiptCode {

    private final String workerPage;

    ReceiptCode(ConsoleProperties properties) {
        this.workerPage = properties.publicUrl().replaceAll("/+$", "") + "/worker?n=";
    }

    @GetMapping("/clerk/receipts/{grievanceId}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String grievanceId) {
        String link = workerPage + URLEncoder.encode(grievanceId, StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
            .body(png(link, 6));
    }

    static byte[] png(String text, int scale) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int size = matrix.getWidth() * scale;
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(size, size,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as QR: " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
