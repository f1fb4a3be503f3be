package io.strata.kernel.internal.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form-encoded request whose parameters are only those of its query string: its body stays the
 * entity. No Strata call takes form parameters, but clients such as {@code curl -d '<json>'} send
 * JSON with the form Content-Type, and Jersey asks the servlet for parameters whenever it has not
 * seen the body yet, which makes the servlet consume the body as a form; and the byte it reads to
 * find out whether there is a body was lost to the resource when the body came after the headers.
 * So the body stream here supports mark and reset, and Jersey peeks without taking anything.
 */
final class QueryParametersOnly extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;
    private ServletInputStream body;

    private QueryParametersOnly(HttpServletRequest request) {
        super(request);
        this.parameters = Collections.unmodifiableMap(parse(request.getQueryString()));
    }

    /** {@code request}, wrapped when its Content-Type is form-encoded. */
    static HttpServletRequest of(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)) {
            return request;
        }
        return new QueryParametersOnly(request);
    }

    static Map<String, String[]> parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape: taken as it is, as the servlet would
        }
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new Markable(super.getInputStream());
        }
        return body;
    }

    /** The servlet's body stream, buffered so that a peek can be undone. */
    private static final class Markable extends ServletInputStream {
        private final ServletInputStream servlet;
        private final BufferedInputStream buffered;

        Markable(ServletInputStream servlet) {
            this.servlet = servlet;
            this.buffered = new BufferedInputStream(servlet);
        }

        @Override
        public int read() throws IOException {
            return buffered.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return buffered.read(bytes, offset, length);
        }

        @Override
        public int available() throws IOException {
            return buffered.available();
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public synchronized void mark(int limit) {
            buffered.mark(limit);
        }

        @Override
        public synchronized void reset() throws IOException {
            buffered.reset();
        }

        @Override
        public boolean isFinished() {
            return servlet.isFinished();
        }

        @Override
        public boolean isReady() {
            return servlet.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            servlet.setReadListener(listener);
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
