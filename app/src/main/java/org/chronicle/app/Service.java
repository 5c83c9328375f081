package org.chronicle.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** The service the CLI works with: a running one over HTTP, or one it starts in its own process. */
interface Service extends AutoCloseable {

    /**
     * The query parameter that makes a read wait for what this service's store holds
     * ({@code consistentWith=...&}), or nothing when the service does not say.
     */
    String consistency();

    /** A read of the API; a problem answer is thrown as {@link CliFailure}. */
    JsonNode get(String path);

    /** A read of the API as text, such as a CSV export. */
    String getText(String path);

    /** Imports a file; {@code progress} hears of rows processed of the total (-1 while unknown). */
    JsonNode importFile(String chronicleId, String format, Path file, Progress progress);

    /** Starts the rebuild of a projection. */
    JsonNode rebuild(String projection);

    @Override
    void close();

    /** Hears how far long work has got. */
    interface Progress {
        void at(long done, long total);

        static Progress none() {
            return (done, total) -> { };
        }
    }

    /** Why a command failed, in the service's words. */
    final class CliFailure extends RuntimeException {
        CliFailure(String message) {
            super(message);
        }
    }
}
