package io.leadplatform.gateway.proxy;

import java.net.URI;
import java.util.Locale;

/** A backend's address, parsed once from its base URL. {@code basePath} is "" or starts with "/" without a trailing one. */
public record Origin(String host, int port, boolean ssl, String basePath) {

    public static Origin of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("backend URL must be http or https: " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("backend URL has no host: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Origin(url.getHost(), port, ssl, path);
    }

    /** The request URI to send to this origin for a gateway request URI. */
    public String uri(String requestUri) {
        return basePath + requestUri;
    }
}
