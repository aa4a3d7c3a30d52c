package dev.shoal.ui;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs every {@link NeedsDisplay} test class of the build with the JUnit launcher, as surefire
 * does, and prints one summary line and the failures. {@link HeadlessSkipTest} starts it in a JVM
 * of its own with no display.
 */
public final class HeadlessRun {
    private HeadlessRun() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException, ClassNotFoundException {
        Path testClasses = Path.of(HeadlessRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ClassSelector> desktopTests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.class")).sorted().toList()) {
                String name = testClasses.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                // Loaded, not initialised: initialising a desktop test is what is under test.
                if (Class.forName(name, false, HeadlessRun.class.getClassLoader()).isAnnotationPresent(NeedsDisplay.class)) {
                    desktopTests.add(selectClass(name));
                }
            }
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(desktopTests).build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("classes " + desktopTests.size() + " tests " + summary.getTestsFoundCount()
                + " skipped " + summary.getTestsSkippedCount() + " failed " + summary.getTotalFailureCount());
        summary.getFailures().forEach(f -> {
            System.out.println("FAILED " + f.getTestIdentifier().getDisplayName());
            f.getException().printStackTrace(System.out);
        });
    }
}
