package io.strata.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection with blocking calls, for load generators: the request is
 * written in one piece and the answer read by its Content-Length (or chunks). It costs the client
 * a small fraction of what {@link java.net.http.HttpClient} does per call, which matters when the
 * client shares two cores with the server it measures (wrk is cheap for the same reason). Not
 * thread-safe: one connection per client thread.
 */
final class HttpConnection implements Closeable {
    /** A status and a body. */
    record Answer(int status, byte[] body) {}

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(URI base) {
        requireNonNull(base, "base is null");
        this.host = base.getHost();
        this.port = base.getPort();
        this.hostHeader = host + ":" + port;
    }

    /**
     * A POST of {@code body} to {@code pathAndQuery}. No retry (a POST may have been applied): a
     * failure closes the connection and is thrown.
     */
    Answer post(String pathAndQuery, String contentType, byte[] body) throws IOException {
        byte[] head = ("POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(ISO_8859_1);
        try {
            return exchange(head, body);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Answer exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }
        out.write(head);
        out.write(body);
        out.flush();

        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        byte[] answer;
        if (chunked) {
            ByteArrayOutputStream collected = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) {
                collected.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
            answer = collected.toByteArray();
        } else if (length >= 0) {
            answer = in.readNBytes((int) length);
            if (answer.length != length) {
                throw new EOFException("answer ended after " + answer.length + " of " + length + " bytes");
            }
        } else {
            answer = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Answer(status, answer);
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder text = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                int end = text.length();
                if (end > 0 && text.charAt(end - 1) == '\r') {
                    text.setLength(end - 1);
                }
                return text.toString();
            }
            text.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
