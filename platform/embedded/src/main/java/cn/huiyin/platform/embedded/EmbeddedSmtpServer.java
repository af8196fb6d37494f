package cn.huiyin.platform.embedded;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMTP receiver for the embedded stack and tests: what Mailpit is in compose, with nothing to install. It speaks
 * the plain subset a mail client needs (HELO/EHLO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT; no AUTH, no TLS, no
 * relaying anywhere) and stores every message it accepts, exactly as received, as one file in a maildir-like folder:
 * written to {@code tmp/} and renamed into {@code new/}, so a reader never sees half a message. A developer reads them
 * with any mail program or {@code cat data/mail/new/*.eml}.
 *
 * <p>Listens on the loopback interface only. A message is acknowledged ({@code 250}) after its file is on disk.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);
    /** Larger messages are refused (552): notifications send a few kilobytes. */
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    private final String host;
    private final int requestedPort;
    private final Path maildir;
    private final AtomicLong sequence = new AtomicLong();
    private ServerSocket server;
    private ExecutorService sessions;
    private Thread acceptor;

    public EmbeddedSmtpServer(String host, int port, Path maildir) {
        this.host = host;
        this.requestedPort = port;
        this.maildir = maildir.toAbsolutePath();
    }

    /** On a free loopback port. */
    public static EmbeddedSmtpServer onFreePort(Path maildir) {
        return new EmbeddedSmtpServer("127.0.0.1", 0, maildir);
    }

    public synchronized EmbeddedSmtpServer start() {
        try {
            Files.createDirectories(maildir.resolve("tmp"));
            Files.createDirectories(maildir.resolve("new"));
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(host), requestedPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SMTP receiver on " + host + ":" + requestedPort, e);
        }
        sessions = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "smtp-session");
            thread.setDaemon(true);
            return thread;
        });
        acceptor = new Thread(this::acceptLoop, "smtp-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("SMTP receiver on {}:{}, messages in {}", host, port(), maildir.resolve("new"));
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return host;
    }

    /** The folder whose {@code new/} holds the received messages. */
    public Path maildir() {
        return maildir;
    }

    /** The files of the received messages, oldest first (their names start with the arrival sequence). */
    public List<Path> messages() {
        try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.execute(() -> serve(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                log.warn("SMTP accept failed: {}", e.toString());
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(5));
            new Session(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream()).run();
        } catch (IOException e) {
            log.debug("SMTP session ended: {}", e.toString());
        }
    }

    /** One client's conversation: an envelope (sender, recipients), then the message. */
    private final class Session {

        private final InputStream in;
        private final OutputStream out;
        private String sender;
        private final List<String> recipients = new ArrayList<>();

        Session(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            reply("220 " + host + " Huiyin SMTP receiver ready");
            String line;
            while ((line = readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reset();
                    reply("250-" + host + " hello\r\n250-8BITMIME\r\n250-SIZE " + MAX_MESSAGE_BYTES + "\r\n250 OK");
                } else if (upper.startsWith("HELO")) {
                    reset();
                    reply("250 " + host + " hello");
                } else if (upper.startsWith("MAIL FROM:")) {
                    reset();
                    sender = address(line.substring(10));
                    reply("250 OK");
                } else if (upper.startsWith("RCPT TO:")) {
                    if (sender == null) {
                        reply("503 MAIL FROM first");
                    } else {
                        recipients.add(address(line.substring(8)));
                        reply("250 OK");
                    }
                } else if (upper.equals("DATA")) {
                    if (recipients.isEmpty()) {
                        reply("503 RCPT TO first");
                    } else {
                        reply("354 End data with <CR><LF>.<CR><LF>");
                        receiveData();
                    }
                } else if (upper.equals("RSET")) {
                    reset();
                    reply("250 OK");
                } else if (upper.startsWith("NOOP")) {
                    reply("250 OK");
                } else if (upper.equals("QUIT")) {
                    reply("221 Bye");
                    return;
                } else {
                    reply("502 Command not implemented");
                }
            }
        }

        private void receiveData() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            boolean tooLarge = false;
            byte[] line;
            while ((line = readRawLine()) != null) {
                if (line.length == 1 && line[0] == '.') {
                    break;
                }
                // Transparency (RFC 5321 4.5.2): a line starting with a dot was sent with one more.
                int from = line.length > 0 && line[0] == '.' ? 1 : 0;
                if (message.size() + line.length > MAX_MESSAGE_BYTES) {
                    tooLarge = true;
                    continue;
                }
                message.write(line, from, line.length - from);
                message.write('\r');
                message.write('\n');
            }
            if (line == null) {
                return;
            }
            if (tooLarge) {
                reply("552 Message too large");
            } else {
                store(message.toByteArray());
                reply("250 OK stored");
            }
            reset();
        }

        private void store(byte[] message) throws IOException {
            // The arrival time orders files across restarts of the receiver (the sequence starts again at 1); it is a
            // file name, not a fact of the message, so the wall clock is right here.
            String name = String.format("%013d-%06d.eml", System.currentTimeMillis(), sequence.incrementAndGet());
            StringBuilder envelope = new StringBuilder("X-Huiyin-Envelope-From: ").append(sender).append("\r\n");
            recipients.forEach(r -> envelope.append("X-Huiyin-Envelope-To: ").append(r).append("\r\n"));
            Path tmp = maildir.resolve("tmp").resolve(name);
            try (OutputStream file = Files.newOutputStream(tmp)) {
                file.write(envelope.toString().getBytes(StandardCharsets.US_ASCII));
                file.write(message);
                if (file instanceof java.io.FileOutputStream fileStream) {
                    fileStream.getFD().sync();
                }
            }
            Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }

        private void reset() {
            sender = null;
            recipients.clear();
        }

        private String address(String argument) {
            String value = argument.strip();
            int open = value.indexOf('<');
            int close = value.indexOf('>');
            return open >= 0 && close > open ? value.substring(open + 1, close) : value.split(" ")[0];
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private String readLine() throws IOException {
            byte[] raw = readRawLine();
            return raw == null ? null : new String(raw, StandardCharsets.US_ASCII).strip();
        }

        /** A line without its CRLF (a bare LF also ends it), or null at the end of the stream. */
        private byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return java.util.Arrays.copyOf(bytes, length);
                }
                line.write(b);
            }
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.shutdownNow();
        server = null;
    }
}
