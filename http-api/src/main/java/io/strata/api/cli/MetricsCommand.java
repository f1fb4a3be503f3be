package io.strata.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strata.api.v1.introspection.MetricValue;
import io.strata.api.v1.introspection.MetricsEntity;
import io.strata.api.v1.introspection.MetricsResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "metrics",
        description =
                "Prints the node's metrics (GET /metrics), optionally filtered; filters combine with AND, the values of one filter with OR.",
        mixinStandardHelpOptions = true)
final class MetricsCommand implements Callable<Integer> {
    @ParentCommand
    private StrataCli parent;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--types",
            split = ",",
            paramLabel = "TYPE",
            description = "Entity types: server, bundle, route, ...")
    private List<String> types = new ArrayList<>();

    @Option(
            names = "--ids",
            split = ",",
            paramLabel = "ID",
            description = "Entity ids, e.g. io.strata.introspection or 'GET /version'.")
    private List<String> ids = new ArrayList<>();

    @Option(
            names = "--attributes",
            split = ",",
            paramLabel = "NAME,VALUE",
            description = "Attribute name,value pairs; an entity matches if any pair does.")
    private List<String> attributes = new ArrayList<>();

    @Option(
            names = "--metrics",
            split = ",",
            paramLabel = "NAME",
            description = "Metric names, e.g. strata.http.request.")
    private List<String> metrics = new ArrayList<>();

    @Option(
            names = "--fields",
            split = ",",
            paramLabel = "FIELD",
            description = "Fields of each metric: type, name, unit, desc, value, p50, p90, p95, p99, p999.")
    private List<String> fields;

    @Option(names = "--detail", description = "All fields of each metric (type, unit, description too).")
    private boolean detail;

    @Option(names = "--json", description = "Print the JSON answer instead of a table.")
    private boolean json;

    @Option(names = "--prometheus", description = "Print the Prometheus text exposition instead.")
    private boolean prometheus;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> query = new LinkedHashMap<>();
        putList(query, "types", types);
        putList(query, "ids", ids);
        putList(query, "attributes", attributes);
        putList(query, "metrics", metrics);
        if (prometheus) {
            out.print(parent.client().prometheusMetrics(query));
            out.flush();
            return 0;
        }
        if (fields != null) {
            query.put("with_metric_fields", String.join(",", fields));
        }
        if (detail) {
            query.put("detail", "true");
        }
        MetricsResponse response = parent.client().metrics(query);
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(response));
            return 0;
        }
        for (MetricsEntity entity : response.entities()) {
            out.printf(
                    "%s %s %s%n",
                    entity.type(), entity.id(), entity.attributes().isEmpty() ? "" : entity.attributes());
            for (MetricValue metric : entity.metrics()) {
                out.printf("  %-60s %s%n", metric.name(), describe(metric));
            }
        }
        return 0;
    }

    private static void putList(Map<String, String> query, String name, List<String> values) {
        if (!values.isEmpty()) {
            query.put(name, String.join(",", values));
        }
    }

    private static String describe(MetricValue metric) {
        StringBuilder text = new StringBuilder();
        if (metric.value() != null) {
            text.append(metric.value());
        }
        appendQuantile(text, "p50", metric.p50());
        appendQuantile(text, "p90", metric.p90());
        appendQuantile(text, "p95", metric.p95());
        appendQuantile(text, "p99", metric.p99());
        appendQuantile(text, "p999", metric.p999());
        if (metric.unit() != null && !metric.unit().isEmpty()) {
            text.append(' ').append(metric.unit());
        }
        if (metric.type() != null) {
            text.append(" (").append(metric.type()).append(')');
        }
        return text.toString().strip();
    }

    private static void appendQuantile(StringBuilder text, String name, Number value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }
}
