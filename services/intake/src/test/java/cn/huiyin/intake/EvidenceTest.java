package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A grid reporter's photo of a broken manhole cover, a worker's screenshot: evidence checked by what it is. */
@ServiceTest
class EvidenceTest {

    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, new byte[2048]);
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] EXE = concat(new byte[] {'M', 'Z', (byte) 0x90, 0}, new byte[512]);

    @LocalServerPort
    int port;

    private final TestUser clerk = TestUser.of("window-clerk");

    @Test
    void aPhotoIsStoredAndComesBackExactlyAsItWas() throws Exception {
        String id = file();

        HttpJson.Response uploaded = upload("/api/grievances/" + id + "/evidence", "井盖破损.png", "image/png", PNG, clerk);

        assertThat(uploaded.status()).isEqualTo(201);
        JsonNode evidence = uploaded.json();
        assertThat(evidence.get("contentType").asString()).isEqualTo("image/png");
        assertThat(evidence.get("filename").asString()).isEqualTo("井盖破损.png");
        HttpResponse<byte[]> download = download(uploaded.header("Location"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        JsonNode grievance = HttpJson.at(port).as(clerk).get("/api/grievances/" + id).json();
        assertThat(grievance.get("evidence")).hasSize(1);
    }

    @Test
    void aProgramRenamedToLookLikeAPhotoIsRefusedByItsContent() {
        String id = file();

        HttpJson.Response answer = upload("/api/grievances/" + id + "/evidence", "photo.jpg", "image/jpeg", EXE, clerk);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(FilingAGrievanceTest.errorFor(answer.json(), "file").get("code").asString()).isEqualTo("file.type");
    }

    @Test
    void aFileOverTenMegabytesIsRefused() {
        String id = file();
        byte[] big = concat(PDF, new byte[10 * 1024 * 1024]);

        HttpJson.Response answer = upload("/api/grievances/" + id + "/evidence", "big.pdf", "application/pdf", big, clerk);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theWorkerCanAddAScreenshotThroughTheSelfService() {
        JsonNode filed = HttpJson.at(port).as(clerk).post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM)
            .json();
        String id = filed.get("trackingNumber").asString();

        HttpJson.Response answer = upload("/api/public/grievances/evidence?trackingNumber=" + id + "&queryCode="
            + filed.get("queryCode").asString(), "截图.pdf", "application/pdf", PDF, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("evidence").asInt()).isEqualTo(1);
    }

    @Test
    void aFileIsOnlyServedForTheGrievanceItBelongsTo() throws Exception {
        String first = file();
        String second = file();
        String location = upload("/api/grievances/" + first + "/evidence", "a.png", "image/png", PNG, clerk)
            .header("Location");
        String fileId = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<byte[]> elsewhere = download("/api/grievances/" + second + "/evidence/" + fileId);

        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    private String file() {
        return HttpJson.at(port).as(clerk).post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM)
            .json().get("trackingNumber").asString();
    }

    private HttpJson.Response upload(String path, String filename, String type, byte[] content, TestUser user) {
        String boundary = "huiyin-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
            + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpJson http = user == null
            ? HttpJson.at(port).withHeader("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 250 + 1))
            : HttpJson.at(port).as(user);
        return http.postWithContentType(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        HttpJson http = HttpJson.at(port).as(clerk);
        return java.net.http.HttpClient.newHttpClient().send(http.builder(path).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
