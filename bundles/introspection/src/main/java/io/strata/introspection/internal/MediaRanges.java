package io.strata.introspection.internal;

import java.util.Locale;

/** Just enough of HTTP content negotiation for {@code /metrics}: JSON or Prometheus text. */
final class MediaRanges {
    private MediaRanges() {}

    /**
     * Whether an {@code Accept} header prefers Prometheus text ({@code text/plain} or OpenMetrics)
     * to JSON. The quality of each is that of the most specific range matching it; a tie, or no
     * header, means JSON. Prometheus' own scrape header therefore gets text, a browser or curl JSON.
     */
    static boolean prefersText(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        Match json = new Match();
        Match text = new Match();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            switch (type) {
                case "application/json" -> json.offer(2, quality);
                case "application/*" -> json.offer(1, quality);
                case "text/plain", "application/openmetrics-text" -> text.offer(2, quality);
                case "text/*" -> text.offer(1, quality);
                case "*/*", "*" -> {
                    json.offer(0, quality);
                    text.offer(0, quality);
                }
                default -> {
                    // another type: says nothing about these two
                }
            }
        }
        return text.quality() > json.quality();
    }

    private static final class Match {
        private int specificity = -1;
        private double quality;

        void offer(int rangeSpecificity, double rangeQuality) {
            if (rangeSpecificity > specificity) {
                specificity = rangeSpecificity;
                quality = rangeQuality;
            } else if (rangeSpecificity == specificity) {
                quality = Math.max(quality, rangeQuality);
            }
        }

        double quality() {
            return specificity < 0 ? 0 : quality;
        }
    }
}
