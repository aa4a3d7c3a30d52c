package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void defaultsRunEverySuiteAsATable() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o).isEqualTo(new BenchOptions("all", BenchOptions.DEFAULT_SECONDS, false, true));
        assertThat(o.runs("routing")).isTrue();
        assertThat(o.runs("latency")).isTrue();
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        assertThat(BenchOptions.parse("--suite", "routing", "--seconds", "3", "--json"))
                .isEqualTo(new BenchOptions("routing", 3, true, true));
        assertThat(BenchOptions.parse("--json", "--suite=latency", "--seconds=7", "--no-fork"))
                .isEqualTo(new BenchOptions("latency", 7, true, false));
        assertThat(BenchOptions.parse("--suite", "latency").runs("routing")).isFalse();
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThatThrownBy(() -> BenchOptions.parse("--suite", "disk")).isInstanceOf(BenchUsageException.class)
                .hasMessageContaining("unknown suite 'disk'");
        assertThatThrownBy(() -> BenchOptions.parse("--seconds", "0")).isInstanceOf(BenchUsageException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--seconds", "ten")).isInstanceOf(BenchUsageException.class)
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse("--seconds")).isInstanceOf(BenchUsageException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).isInstanceOf(BenchUsageException.class);
    }

    @Test
    void theForkRunsThisMainWithAFixedHeapAndTheSameArguments() {
        List<String> cmd = ForkedRun.command(List.of("--suite", "routing", "--json"));
        assertThat(cmd.get(0)).endsWith("java");
        assertThat(cmd).containsSubsequence("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
        assertThat(cmd).contains("-D" + ForkedRun.CHILD_PROPERTY + "=true");
        assertThat(cmd.subList(cmd.size() - 4, cmd.size()))
                .containsExactly(BenchMain.class.getName(), "--suite", "routing", "--json");
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--suite", "disk"}, new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("unknown suite").contains("usage: shoal bench");
    }
}
