package org.chronicle.api.chronicle;

/** Who held an area when the chronicle's period starts. */
public record InitialControl(String area, String side) {
}
