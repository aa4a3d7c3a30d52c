package dev.shoal.ui;

import java.awt.GraphicsEnvironment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a desktop test class: without a display each of its tests is reported as skipped, with the
 * reason, so a headless build says what it did not run instead of counting zero tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsDisplay.Condition.class)
public @interface NeedsDisplay {

    /** Decides per test method (not per class), so that every skipped test shows up by name. */
    final class Condition implements ExecutionCondition {
        static final String REASON = "no display: desktop tests need one (run under xvfb-run, as .ci/run does)";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty() || !GraphicsEnvironment.isHeadless()) {
                return ConditionEvaluationResult.enabled("a display is available");
            }
            if (context.getTestClass().isPresent()) {
                announce(context.getRequiredTestClass().getSimpleName());
            }
            return ConditionEvaluationResult.disabled(REASON);
        }

        /**
         * Surefire keeps a test's own output in a file, so the reason goes to the process's real
         * stderr, which the build prints, once per class.
         */
        private static void announce(String testClass) {
            synchronized (ANNOUNCED) {
                if (!ANNOUNCED.add(testClass)) {
                    return;
                }
            }
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            err.println("SKIPPED " + testClass + ": " + REASON);
        }

        private static final Set<String> ANNOUNCED = new HashSet<>();
    }
}
