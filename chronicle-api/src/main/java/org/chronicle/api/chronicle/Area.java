package org.chronicle.api.chronicle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A place whose control is followed: a city, a neighbourhood, a suburb. {@code parent} makes the
 * hierarchy (a FULL change of a city hands its neighbourhoods over); {@code geometry} is GeoJSON
 * for the map and may be absent.
 */
public record Area(String id, String name, String parent, JsonNode geometry) {
}
