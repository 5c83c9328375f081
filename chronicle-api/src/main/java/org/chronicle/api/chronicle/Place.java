package org.chronicle.api.chronicle;

/** Where the chronicle happens, with the coordinates that centre its map. */
public record Place(String name, Double latitude, Double longitude) {
}
