package io.leadplatform.gateway.proxy;

import java.util.List;
import java.util.Optional;

/**
 * Which service answers a path under {@code /api}. The first matching rule wins. In a pattern, {@code *} stands
 * for one segment and a trailing {@code **} for the prefix itself and anything beneath it.
 */
public final class RouteTable {

    private static final List<Rule> RULES = List.of(
            rule("/api/leads/*/score", Service.SCORING),
            rule("/api/leads/*/routing", Service.ROUTING),
            rule("/api/leads/*/accept", Service.ROUTING),
            rule("/api/leads/*/touch", Service.ROUTING),
            rule("/api/leads/*/reject", Service.ROUTING),
            rule("/api/leads/*/handoff", Service.ROUTING),
            rule("/api/leads/*/reassign", Service.ROUTING),
            rule("/api/me/**", Service.ROUTING),
            rule("/api/routing/**", Service.ROUTING),
            rule("/api/scoring/**", Service.SCORING),
            rule("/api/sla/**", Service.SLA),
            rule("/api/leads/**", Service.LEAD),
            rule("/api/imports/**", Service.LEAD),
            rule("/api/campaigns/**", Service.LEAD),
            rule("/api/reports/**", Service.LEAD),
            rule("/api/accounts/**", Service.LEAD));

    private RouteTable() {
    }

    /** The service for a canonical path (no query string), or empty if no rule matches. */
    public static Optional<Service> resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = split(path);
        for (Rule rule : RULES) {
            if (rule.matches(segments)) {
                return Optional.of(rule.service());
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String pattern, Service service) {
        return new Rule(split(pattern), service);
    }

    /** "/api/leads/" gives [api, leads, ""]: a trailing slash is a segment of its own. */
    private static String[] split(String path) {
        return path.substring(1).split("/", -1);
    }

    private record Rule(String[] pattern, Service service) {

        boolean matches(String[] segments) {
            boolean prefix = pattern[pattern.length - 1].equals("**");
            int fixed = prefix ? pattern.length - 1 : pattern.length;
            if (prefix ? segments.length < fixed : segments.length != fixed) {
                return false;
            }
            for (int i = 0; i < fixed; i++) {
                boolean any = pattern[i].equals("*") && !segments[i].isEmpty();
                if (!any && !pattern[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
