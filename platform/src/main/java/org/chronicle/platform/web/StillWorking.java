package org.chronicle.platform.web;

/** The service is working towards the answer and has not reached it in time: a 503 with Retry-After. */
public class StillWorking extends RuntimeException {

    public StillWorking(String message) {
        super(message, null, false, false);
    }
}
