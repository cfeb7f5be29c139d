package io.leadplatform.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points a backend's absolute {@code Location} (an import job's, say) at the gateway instead of the backend, as a
 * reverse proxy should: clients cannot reach the services, only the gateway.
 */
public final class LocationRewrite implements ProxyInterceptor {

    private final Map<Service, Origin> origins;

    public LocationRewrite(Map<Service, Origin> origins) {
        this.origins = origins;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        String location = context.response().headers().get(HttpHeaders.LOCATION);
        Service service = context.get(UpstreamFailures.SERVICE, Service.class);
        if (location != null && service != null) {
            HttpServerRequest client = context.request().proxiedRequest();
            String gateway = client.scheme() + "://" + client.headers().get(HttpHeaders.HOST);
            rewrite(location, origins.get(service), gateway)
                    .ifPresent(l -> context.response().headers().set(HttpHeaders.LOCATION, l));
        }
        return context.sendResponse();
    }

    /** The location on the gateway, when it points at the backend (with or without its default port). */
    static Optional<String> rewrite(String location, Origin origin, String gateway) {
        String scheme = origin.ssl() ? "https://" : "http://";
        List<String> prefixes = (origin.port() == (origin.ssl() ? 443 : 80))
                ? List.of(scheme + origin.host() + ":" + origin.port(), scheme + origin.host())
                : List.of(scheme + origin.host() + ":" + origin.port());
        for (String prefix : prefixes) {
            String backend = prefix + origin.basePath();
            if (location.startsWith(backend + "/") || location.equals(backend)) {
                return Optional.of(gateway + location.substring(backend.length()));
            }
        }
        return Optional.empty();
    }
}
