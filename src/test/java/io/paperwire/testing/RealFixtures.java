package io.paperwire.testing;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The real recordings in {@code ../shared/fixtures/real} (or {@code -Dpaperwire.realFixtures=…}). Only tests marked
 * {@link UsesRealRecordings} may read them: those are skipped, set-up included, where the folder is absent.
 */
public final class RealFixtures {

    private RealFixtures() {}

    static Path location() {
        return Path.of(System.getProperty("paperwire.realFixtures", "../shared/fixtures/real")).toAbsolutePath().normalize();
    }

    static boolean present() {
        return Files.isDirectory(location());
    }

    /**
     * @throws IllegalStateException when called from a test not marked {@link UsesRealRecordings}: such a test would
     *                               error, not skip, on a clone without the recordings
     */
    public static Path folder() {
        boolean marked = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.anyMatch(RealFixtures::isMarked));
        if (!marked) {
            throw new IllegalStateException("a test reads the real recordings without @UsesRealRecordings on its class "
                    + "or method; add it, so that the test skips cleanly where ../shared is absent");
        }
        if (!present()) {
            throw new IllegalStateException("real recordings not found at " + location()
                    + " (the @UsesRealRecordings condition should have skipped this test)");
        }
        return location();
    }

    private static boolean isMarked(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(UsesRealRecordings.class)) {
                return true;
            }
        }
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(frame.getMethodName()))
                .anyMatch(RealFixtures::isMarked);
    }

    private static boolean isMarked(Method method) {
        return method.isAnnotationPresent(UsesRealRecordings.class);
    }
}
