package no.postmottak.operations.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format 0.0.4 ({@value #CONTENT_TYPE}), which Prometheus and every
 * OpenMetrics scraper read: a {@code # HELP} and {@code # TYPE} line per family, then its samples. Label values are
 * escaped; families must be written one after another, each once.
 */
final class MetricsText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a family; {@code type} is counter, gauge, summary or histogram. */
    MetricsText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    MetricsText sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> l : labels.entrySet()) {
                out.append(first ? "" : ",").append(l.getKey()).append("=\"").append(escape(l.getValue()))
                        .append('"');
                first = false;
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** Labels in the given order. */
    static Map<String, String> labels(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
        }
        return map;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
