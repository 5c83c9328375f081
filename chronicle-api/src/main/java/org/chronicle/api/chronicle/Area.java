package org.chronicle.api.chronicle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A place whose control is followed: a city, a neighbourhood, a suburb. {@code parent} makes the
 * hierarchy (a FULL change of a city hands its neighbourhoods over); {@code geometry} is GeoJSON
 * for the map and may be absent.
 */
public record Area(String id, String name, String parent, JsonNode geometry) {

    public Area {
        // Jackson reads a JSON null into a JsonNode as NullNode; absent and null are one thing here.
        if (geometry != null && (geometry.isNull() || geometry.isMissingNode())) {
            geometry = null;
        }
    }
}
