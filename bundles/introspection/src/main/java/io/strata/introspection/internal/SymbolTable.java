package io.strata.introspection.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses Strata's profiles give their frames, for pprof's remote symbolization
 * ({@code /pprof/symbol}). A frame (function and line) keeps its address as long as it is in the
 * table; the table holds at most {@code capacity} frames and forgets the least recently used one
 * first. Addresses are never reused.
 */
final class SymbolTable {
    static final long BASE = 0x400000L;
    private static final long STEP = 0x10L;

    private final int capacity;
    private final LinkedHashMap<String, Long> addresses;
    private final Map<Long, String> symbols = new HashMap<>();
    private long next = BASE;

    SymbolTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.addresses = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The address of a frame, assigned on first sight. */
    synchronized long address(String function, long line) {
        String key = function + ':' + line;
        Long known = addresses.get(key);
        if (known != null) {
            return known;
        }
        long address = next;
        next += STEP;
        addresses.put(key, address);
        symbols.put(address, function);
        if (addresses.size() > capacity) {
            Map.Entry<String, Long> eldest = addresses.entrySet().iterator().next();
            addresses.remove(eldest.getKey());
            symbols.remove(eldest.getValue());
        }
        return address;
    }

    synchronized Optional<String> symbol(long address) {
        return Optional.ofNullable(symbols.get(address));
    }

    synchronized int size() {
        return symbols.size();
    }

    /** One past the highest address given out so far: the end of the profiles' one mapping. */
    synchronized long limit() {
        return next;
    }

    /** {@code GET /pprof/symbol}: pprof only asks for symbols when this count is positive. */
    String count() {
        return "num_symbols: " + size() + "\n";
    }

    /**
     * {@code POST /pprof/symbol}: for a body {@code 0xaddr+0xaddr+...} (possibly quoted), one line
     * {@code 0x<addr>\t<function>} per address; an address Strata never gave out is echoed as its
     * own symbol, as the reference does.
     *
     * @throws IllegalArgumentException naming a token that is not a hexadecimal address
     */
    String lookup(String body) {
        StringBuilder answer = new StringBuilder();
        String stripped = body.strip();
        if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        for (String token : stripped.split("[+\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            long address = parseAddress(token);
            String hex = format(address);
            answer.append(hex).append('\t').append(symbol(address).orElse(hex)).append('\n');
        }
        return answer.toString();
    }

    private static long parseAddress(String token) {
        String digits = token.toLowerCase(Locale.ROOT).startsWith("0x") ? token.substring(2) : token;
        try {
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "' is not a hexadecimal address");
        }
    }

    private static String format(long address) {
        return String.format(Locale.ROOT, "0x%08x", address);
    }

    int capacity() {
        return capacity;
    }
}
