package org.chronicle.platform.web;

import java.io.IOException;

/** A body read past its limit: the caller is answered 413 and nothing it sent is stored. */
final class BodyTooLarge extends IOException {

    final long limit;

    BodyTooLarge(long limit) {
        super("The body is larger than " + limit + " bytes.");
        this.limit = limit;
    }
}
