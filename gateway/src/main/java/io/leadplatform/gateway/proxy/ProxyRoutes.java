package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.Problems;
import io.leadplatform.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Proxies {@code /api/*} to the service the {@link RouteTable} names. The route keeps the default order, so that
 * Quarkus authenticates and authorizes the request before it is forwarded.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<Service, Origin> origins = new EnumMap<>(Service.class);

    public ProxyRoutes(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
        for (Service service : Service.values()) {
            origins.put(service, Origin.of(service.baseUrl(config)));
        }
    }

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(config.proxy().connectTimeout().toMillis()))
                .setMaxPoolSize(config.proxy().maxConnectionsPerBackend())
                .setMaxWaitQueueSize(config.proxy().maxWaitingPerBackend()));
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(this::originRequest)
                .addInterceptor(new UpstreamFailures())
                .addInterceptor(new IdentityHeaders())
                .addInterceptor(new LocationRewrite(origins));
        router.route("/api/*")
                .handler(ProxyRoutes::requireRoute)
                .handler(ProxyHandler.create(proxy));
    }

    private static void requireRoute(RoutingContext rc) {
        if (RouteTable.resolve(rc.normalizedPath()).isEmpty()) {
            Problems.send(rc.response(), 404, "No service answers " + rc.request().method() + " on this path.");
        } else {
            rc.next();
        }
    }

    private Future<HttpClientRequest> originRequest(ProxyContext context) {
        Optional<Service> service = RouteTable.resolve(context.request().proxiedRequest().path());
        if (service.isEmpty()) {
            return Future.failedFuture(new IllegalStateException("no route for a path that passed the route check"));
        }
        context.set(UpstreamFailures.SERVICE, service.get());
        Origin origin = origins.get(service.get());
        context.request().setURI(origin.uri(context.request().getURI()));
        return context.client().request(new RequestOptions()
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.ssl())
                .setIdleTimeout(config.proxy().requestTimeout().toMillis()));
    }
}
