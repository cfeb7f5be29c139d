package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.Problems;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeoutException;

/**
 * Turns a backend that cannot be reached into 502, one that does not answer in time into 504, and one with too many
 * requests already waiting for it into 503 with Retry-After.
 */
public final class UpstreamFailures implements ProxyInterceptor {

    static final String SERVICE = "gateway.service";
    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    private static ProxyResponse problem(ProxyContext context, Throwable failure) {
        Service service = context.get(SERVICE, Service.class);
        String name = service == null ? "backend" : service.id() + " service";
        ProxyResponse response = context.request().release().response();
        int status;
        String detail;
        if (failure instanceof ConnectionPoolTooBusyException) {
            // Load shedding: not logged per request, since it comes in floods; the request metrics count the 503s.
            status = 503;
            detail = "The " + name + " is busy; retry in a second.";
            response.putHeader(HttpHeaders.RETRY_AFTER, "1");
        } else {
            boolean timeout = failure instanceof TimeoutException;
            status = timeout ? 504 : 502;
            detail = timeout ? "The " + name + " did not answer in time." : "The " + name + " is unreachable.";
            LOG.warnf("%s %s -> %d: %s", context.request().getMethod(), context.request().proxiedRequest().path(),
                    status, failure.toString());
        }
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(Problems.body(status, detail)));
    }
}
