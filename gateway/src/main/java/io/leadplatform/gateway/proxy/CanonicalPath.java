package io.leadplatform.gateway.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a raw request path is canonical. Security rules match the normalized path while a backend may
 * read the raw one, so any path on which the two could disagree is refused.
 */
public final class CanonicalPath {

    private static final List<String> FORBIDDEN = List.of(
            ";", "\\", "//", "%2f", "%5c", "%2e", "%3b", "%25", "%00");

    private CanonicalPath() {
    }

    /**
     * Why {@code rawPath} is not canonical, or empty if it is.
     *
     * @param normalizedPath the path after Vert.x's RFC 3986 normalization (dot segments removed, unreserved
     *                       characters decoded)
     */
    public static Optional<String> violation(String rawPath, String normalizedPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("the request target is not an absolute path");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String token : FORBIDDEN) {
            if (lower.contains(token)) {
                return Optional.of("the path contains '" + token + "'");
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("the path contains a dot segment");
            }
        }
        if (!rawPath.equals(normalizedPath)) {
            return Optional.of("the path is not in normalized form");
        }
        return Optional.empty();
    }
}
