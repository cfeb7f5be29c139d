package io.leadplatform.gateway.openapi;

import io.leadplatform.gateway.proxy.RouteTable;
import io.leadplatform.gateway.proxy.Service;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges the services' OpenAPI documents into the one the gateway publishes. Pure: no I/O. */
public final class OpenApiMerger {

    static final String TITLE = "Lead Platform API";
    static final String UNAVAILABLE = "x-unavailable-services";

    private OpenApiMerger() {
    }

    /**
     * Keeps only the paths the gateway routes to the service that documents them. Components merge by name; the
     * first service to define a name wins, so shared shapes such as the problem document appear once.
     *
     * @param documents   the documents that could be fetched, in service order
     * @param unavailable the services whose document could not be fetched
     */
    public static JsonObject merge(Map<Service, JsonObject> documents, List<Service> unavailable, String serverUrl,
            String version) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new LinkedHashSet<>();
        JsonArray security = new JsonArray();
        String openapi = null;

        for (Map.Entry<Service, JsonObject> entry : documents.entrySet()) {
            JsonObject document = entry.getValue();
            if (openapi == null && document.getValue("openapi") instanceof String declared) {
                openapi = declared;
            }
            JsonObject servicePaths = object(document, "paths");
            for (String path : servicePaths.fieldNames()) {
                if (RouteTable.resolve(path).filter(entry.getKey()::equals).isPresent()) {
                    paths.put(path, servicePaths.getValue(path));
                }
            }
            JsonObject serviceComponents = object(document, "components");
            for (String kind : serviceComponents.fieldNames()) {
                if (!(serviceComponents.getValue(kind) instanceof JsonObject named)) {
                    continue;
                }
                JsonObject merged = components.getJsonObject(kind, new JsonObject());
                named.forEach(component -> {
                    if (!merged.containsKey(component.getKey())) {
                        merged.put(component.getKey(), component.getValue());
                    }
                });
                components.put(kind, merged);
            }
            if (document.getValue("tags") instanceof JsonArray serviceTags) {
                for (Object tag : serviceTags) {
                    if (tag instanceof JsonObject t && tagNames.add(t.getString("name", ""))) {
                        tags.add(t);
                    }
                }
            }
            if (document.getValue("security") instanceof JsonArray requirements) {
                requirements.forEach(requirement -> {
                    if (!security.contains(requirement)) {
                        security.add(requirement);
                    }
                });
            }
        }

        JsonObject merged = new JsonObject()
                .put("openapi", openapi == null ? "3.1.0" : openapi)
                .put("info", new JsonObject()
                        .put("title", TITLE)
                        .put("version", version)
                        .put("description", "The Lead Platform's public API, served through the gateway."))
                .put("servers", new JsonArray().add(new JsonObject()
                        .put("url", serverUrl)
                        .put("description", "Lead Platform gateway")))
                .put("paths", paths)
                .put("components", components);
        if (!security.isEmpty()) {
            merged.put("security", security);
        }
        if (!tags.isEmpty()) {
            merged.put("tags", tags);
        }
        merged.put(UNAVAILABLE, new JsonArray(unavailable.stream().map(Service::id).toList()));
        return merged;
    }

    private static JsonObject object(JsonObject parent, String key) {
        return parent.getValue(key) instanceof JsonObject child ? child : new JsonObject();
    }
}
