package cn.huiyin.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import cn.huiyin.platform.embedded.EmbeddedSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The e-mail adapter sends over a socket to the SMTP receiver the embedded stack runs, and the message read back from
 * its folder is the one sent: recipient, subject, Chinese body in UTF-8, the notification id as Message-ID.
 */
class SmtpMailChannelTest {

    private static final Instant SENT_AT = Instant.parse("2026-12-02T02:00:00Z");

    @TempDir
    Path directory;
    private EmbeddedSmtpServer server;

    @BeforeEach
    void start() {
        server = EmbeddedSmtpServer.onFreePort(directory.resolve("mail")).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SmtpMailChannel channel(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return new SmtpMailChannel(sender, "回音通知 <no-reply@huiyin.example.cn>",
            java.time.Clock.fixed(SENT_AT, ZoneOffset.UTC));
    }

    @Test
    void aMessageSentOverSmtpIsStoredAndReadsBackInChinese() throws Exception {
        String text = "【回音】催办：诉求HY-20261122-000105的办结时限将于12月3日17:30届满，请市网约配送行业党委抓紧办理。\n"
            + ".这一行以点开头";
        DeliveryStatus status = channel(server.port()).send(new MessageChannel.Outgoing(
            "evt-1/org-committee-online-delivery:duty-committee-1:EMAIL/STAFF_REMINDER", "duty@committee.example.cn",
            "催办", text, "Reminder: grievance HY-20261122-000105 is due on 3 December.", 1, "STAFF_REMINDER",
            Map.of("trackingNumber", "HY-20261122-000105")));

        assertThat(status).isEqualTo(DeliveryStatus.SENT);
        assertThat(server.messages()).hasSize(1);
        MimeMessage read;
        try (InputStream in = Files.newInputStream(server.messages().get(0))) {
            read = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(((InternetAddress) read.getRecipients(Message.RecipientType.TO)[0]).getAddress())
            .isEqualTo("duty@committee.example.cn");
        assertThat(read.getHeader("X-Huiyin-Envelope-To", null)).isEqualTo("duty@committee.example.cn");
        assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("回音通知");
        assertThat(read.getSubject()).isEqualTo("催办");
        assertThat(((String) read.getContent()).replace("\r\n", "\n")).contains(text)
            .contains("Reminder: grievance HY-20261122-000105");
        assertThat(read.getMessageID()).contains("STAFF_REMINDER").endsWith("@notifications.huiyin>");
        assertThat(read.getSentDate().toInstant()).isEqualTo(SENT_AT);
    }

    @Test
    void noServerListeningIsTriedAgainLater() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> channel(closedPort).send(new MessageChannel.Outgoing("evt-2/x/STAFF_REMINDER",
            "duty@swb.example.cn", "催办", "正文", "Body", 1, "STAFF_REMINDER", Map.of())))
            .isInstanceOf(MessageChannel.Unavailable.class);
    }

    @Test
    void anAddressThatCannotBeParsedIsRejectedForGood() {
        assertThatThrownBy(() -> channel(server.port()).send(new MessageChannel.Outgoing("evt-3/x/STAFF_REMINDER",
            "not an address@@", "催办", "正文", "Body", 1, "STAFF_REMINDER", Map.of())))
            .isInstanceOf(MessageChannel.Rejected.class);
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void theReceiverSpeaksPlainSmtpResetAndNoopIncluded() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            assertThat(say(out, in, "HELO tester")).startsWith("250");
            assertThat(say(out, in, "DATA")).as("no envelope yet").startsWith("503");
            assertThat(say(out, in, "MAIL FROM:<a@example.cn>")).startsWith("250");
            assertThat(say(out, in, "RCPT TO:<dropped@example.cn>")).startsWith("250");
            assertThat(say(out, in, "RSET")).startsWith("250");
            assertThat(say(out, in, "RCPT TO:<b@example.cn>")).as("RSET forgot the sender").startsWith("503");
            assertThat(say(out, in, "NOOP")).startsWith("250");
            assertThat(say(out, in, "MAIL FROM:<a@example.cn>")).startsWith("250");
            assertThat(say(out, in, "RCPT TO:<b@example.cn>")).startsWith("250");
            assertThat(say(out, in, "DATA")).startsWith("354");
            out.write("Subject: test\r\n\r\n..a dotted line\r\nsecond line\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).startsWith("250");
            assertThat(say(out, in, "VRFY b")).startsWith("502");
            assertThat(say(out, in, "QUIT")).startsWith("221");
        }
        assertThat(server.messages()).hasSize(1);
        assertThat(Files.readString(server.messages().get(0), StandardCharsets.US_ASCII))
            .startsWith("X-Huiyin-Envelope-From: a@example.cn\r\nX-Huiyin-Envelope-To: b@example.cn\r\n")
            .doesNotContain("dropped@example.cn")
            .endsWith("Subject: test\r\n\r\n.a dotted line\r\nsecond line\r\n");
    }

    private static String say(OutputStream out, BufferedReader in, String command) throws Exception {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return in.readLine();
    }
}
