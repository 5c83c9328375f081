package org.chronicle.api;

/**
 * The metadata every event carries besides its payload: who recorded it and which request it
 * came from. Axon copies these from the command to the events it produces.
 */
public final class Recorded {

    /** The account that sent the command. */
    public static final String BY = "recordedBy";
    /** The command an event came from (Axon's correlation id). */
    public static final String CORRELATION_ID = "correlationId";
    /** The request a chain of messages started from: the client's {@code X-Correlation-Id}, or the first command's id. */
    public static final String TRACE_ID = "traceId";
    /** The client's {@code Idempotency-Key}, where it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The import an event was recorded by: every event of one import carries the same id. */
    public static final String IMPORT_ID = "importId";
    /** A digest of the request that carried the key, so that a repeat with another body is told apart. */
    public static final String REQUEST_DIGEST = "requestDigest";

    private Recorded() {
    }
}
