package org.mtb.stack;

import java.util.ArrayList;
import java.util.List;

/** The table the runner prints: one row per part with its state, address, useful links and log file. */
final class StackTable {

    record Row(String part, String state, String address, String links, String log) {
    }

    private StackTable() {
    }

    /** Rows for every part; {@code checkState} false gives "-" instead of probing ports and health. */
    static List<Row> rows(StackSettings settings, boolean checkState) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(LocalStack.MONGO, checkState ? portState(settings.mongoPort()) : "-",
                "mongodb://127.0.0.1:" + settings.mongoPort(), "databases "
                        + String.join(", ", StackSettings.SERVICES.stream().map(settings::mongoDatabase).toList()),
                settings.logFile(LocalStack.MONGO).toString()));
        rows.add(new Row(LocalStack.KAFKA, checkState ? portState(settings.kafkaPort()) : "-",
                settings.kafkaBootstrapServers(), "controller 127.0.0.1:" + settings.kafkaControllerPort(),
                settings.logFile(LocalStack.KAFKA).toString()));
        rows.add(new Row(LocalStack.AUTH, checkState ? serviceState(settings.authPort()) : "-", settings.authIssuer(),
                "token " + settings.authTokenUri() + "  " + settings.authIssuer()
                        + "/.well-known/oauth-authorization-server",
                settings.logFile(LocalStack.AUTH).toString()));
        for (String service : StackSettings.SERVICES) {
            String url = settings.serviceUrl(service);
            String links = url + "/actuator/health  " + url + "/actuator/prometheus";
            if (service.equals("catalog-service")) {
                links = url + "/api/v1/regions  " + links;
            }
            rows.add(new Row(service, checkState ? serviceState(settings.servicePort(service)) : "-", url, links,
                    settings.logFile(service).toString()));
        }
        return rows;
    }

    static String format(List<Row> rows, boolean withState) {
        int part = width(rows.stream().map(Row::part).toList(), "PART");
        int state = width(rows.stream().map(Row::state).toList(), "STATE");
        int address = width(rows.stream().map(Row::address).toList(), "ADDRESS");
        String pattern = withState
                ? "%-" + part + "s  %-" + state + "s  %-" + address + "s  %s%n"
                : "%-" + part + "s  %-" + address + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(line(pattern, withState, "PART", "STATE", "ADDRESS", "LINKS / LOG"));
        for (Row row : rows) {
            out.append(line(pattern, withState, row.part(), row.state(), row.address(), row.links()));
            out.append(line(pattern, withState, "", "", "", "log " + row.log()));
        }
        return out.toString();
    }

    private static String line(String pattern, boolean withState, String part, String state, String address,
            String rest) {
        return withState ? pattern.formatted(part, state, address, rest) : pattern.formatted(part, address, rest);
    }

    private static int width(List<String> values, String header) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }

    private static String portState(int port) {
        return Ports.isListening(port) ? "up" : "down";
    }

    private static String serviceState(int port) {
        if (HealthCheck.isUp(port)) {
            return "up";
        }
        return Ports.isListening(port) ? "unhealthy" : "down";
    }
}
