package org.chronicle.api.chronicle;

/** A party to the fighting, such as {@code fsa} for the Free Syrian Army. */
public record Side(String id, String name) {
}
