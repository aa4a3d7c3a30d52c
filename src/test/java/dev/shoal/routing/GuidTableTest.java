package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Guid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GuidTableTest {
    @Test
    void storesReplacesAndRemoves() {
        GuidTable<String> t = new GuidTable<>();
        Guid a = Guid.random();
        Guid b = Guid.random();
        t.put(a, "x");
        t.put(b, "y");
        t.put(a, "z");
        assertThat(t.get(a)).isEqualTo("z");
        assertThat(t.get(Guid.of(b.toBytes()))).isEqualTo("y");
        assertThat(t.size()).isEqualTo(2);
        t.remove(a);
        assertThat(t.get(a)).isNull();
        assertThat(t.containsKey(b)).isTrue();
        t.clear();
        assertThat(t.size()).isZero();
        assertThat(t.get(b)).isNull();
    }

    /** Many operations, checked against a HashMap: growth, collisions and removals in runs. */
    @Test
    void behavesAsAMapThroughGrowthAndRemovals() {
        Random random = new Random(3);
        GuidTable<Integer> table = new GuidTable<>();
        Map<Guid, Integer> model = new HashMap<>();
        List<Guid> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            keys.add(Guid.random());
        }
        for (int step = 0; step < 100_000; step++) {
            Guid k = keys.get(random.nextInt(keys.size()));
            int op = random.nextInt(10);
            if (op < 6) {
                int v = random.nextInt(5);
                table.put(k, v);
                model.put(k, v);
            } else if (op < 9) {
                table.remove(k);
                model.remove(k);
            } else {
                Integer v = random.nextInt(5);
                table.removeValue(v);
                model.values().removeIf(v::equals);
            }
            if (step % 1000 == 0) {
                for (Guid g : keys) {
                    assertThat(table.get(g)).isEqualTo(model.get(g));
                }
                assertThat(table.size()).isEqualTo(model.size());
            }
        }
    }
}
