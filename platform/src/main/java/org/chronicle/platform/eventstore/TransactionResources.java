package org.chronicle.platform.eventstore;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Values that live as long as the current transaction: made when first asked for, forgotten when it ends. */
public final class TransactionResources {

    private TransactionResources() {
    }

    /**
     * The value kept under {@code key} in the current transaction, made by {@code make} at the
     * first call.
     *
     * @throws IllegalStateException when no transaction synchronizes on this thread
     */
    @SuppressWarnings("unchecked")
    public static <T> T inCurrentTransaction(Object key, Supplier<T> make) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("No transaction to keep a value in");
        }
        Object kept = TransactionSynchronizationManager.getResource(key);
        if (kept == null) {
            kept = make.get();
            TransactionSynchronizationManager.bindResource(key, kept);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return (T) kept;
    }
}
