package org.chronicle.platform.web;

import org.springframework.util.unit.DataSize;

/**
 * A larger body than {@code chronicle.requests.max-body} allowed on the paths an Ant-style
 * {@code pathPattern} matches, declared as a bean by the feature that reads such bodies (the
 * imports, say).
 */
public record BodyAllowance(String pathPattern, DataSize limit) {
}
