package io.paperwire.testing;

import io.paperwire.app.PaperwireApplication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code serve} on a thread of the test JVM, until closed; the application itself stays open. */
public final class BackgroundServe implements AutoCloseable {

    private final PaperwireApplication app;
    private final CompletableFuture<Void> serving;

    private BackgroundServe(PaperwireApplication app) {
        this.app = app;
        this.serving = CompletableFuture.runAsync(() -> {
            try {
                app.serve();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static BackgroundServe start(PaperwireApplication app) {
        return new BackgroundServe(app);
    }

    /** Stops serving and waits for {@code serve} to return (a failure of it surfaces here). */
    @Override
    public void close() throws Exception {
        app.stopServing();
        serving.get(30, TimeUnit.SECONDS);
    }
}
