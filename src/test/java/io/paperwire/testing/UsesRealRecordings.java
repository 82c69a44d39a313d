package io.paperwire.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class or method that reads the real recordings in {@code ../shared/fixtures/real}. Without that folder
 * (a fresh clone has none) the test is skipped before any of its set-up runs, with a message saying why; the tag lets
 * {@code .ci/run} run exactly these tests once more from a copy that has no {@code ../shared}.
 * {@link RealFixtures#folder()} refuses callers that do not carry it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(UsesRealRecordings.TAG)
@ExtendWith(UsesRealRecordings.SkipWithoutRecordings.class)
public @interface UsesRealRecordings {

    String TAG = "real-recordings";

    /** Disables the test when the recordings folder is absent. */
    final class SkipWithoutRecordings implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return RealFixtures.present()
                    ? ConditionEvaluationResult.enabled("real recordings at " + RealFixtures.location())
                    : ConditionEvaluationResult.disabled("real recordings not found at " + RealFixtures.location()
                            + "; skipping (they live beside the repository in shared/, which a clone does not have)");
        }
    }
}
