package io.leadplatform.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes headers through which a client could claim an identity. The services trust only the bearer token, which
 * passes through unchanged.
 */
public final class IdentityHeaders implements ProxyInterceptor {

    static final Set<String> NAMES = Set.of(
            "x-forwarded-user", "x-forwarded-email", "x-forwarded-preferred-username", "x-forwarded-groups",
            "x-forwarded-access-token", "x-auth-request-user", "x-auth-request-email",
            "x-auth-request-preferred-username", "x-auth-request-groups", "x-auth-request-access-token",
            "x-remote-user", "x-remote-email", "x-remote-groups", "remote-user", "x-user", "x-user-id",
            "x-user-email", "x-user-name", "x-username", "x-email", "x-userinfo", "x-roles", "x-role", "x-groups",
            "x-authenticated-user", "x-authenticated-userid", "x-consumer-id", "x-consumer-username",
            "x-consumer-custom-id", "x-credential-identifier", "x-jwt-assertion", "x-client-cert", "x-ssl-client-cert");

    static final List<String> PREFIXES = List.of("x-auth-request-", "x-remote-", "x-forwarded-user", "x-user-");

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        strip(context.request().headers());
        return context.sendRequest();
    }

    static void strip(MultiMap headers) {
        List<String> doomed = headers.names().stream().filter(IdentityHeaders::isIdentityHeader).toList();
        doomed.forEach(headers::remove);
    }

    static boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
