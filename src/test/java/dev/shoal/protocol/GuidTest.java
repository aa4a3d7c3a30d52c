package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuidTest {
    @Test
    void equalGuidsHashAlikeAndCopiesAreIndependent() {
        byte[] bytes = Guid.random().toBytes();
        Guid a = Guid.of(bytes);
        bytes[0]++;
        Guid b = Guid.of(a.toBytes());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Guid.of(bytes));
        assertThat(Guid.of(new byte[20], 4)).isEqualTo(Guid.ZERO);
        assertThatThrownBy(() -> Guid.of(new byte[20], 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * Byte pairs (x, -31x) add nothing to a polynomial hash of base 31, so these 64 GUIDs share
     * one {@code Arrays.hashCode}: a peer could send such GUIDs to pile our route tables into one
     * bucket. Our hash is seeded and mixed, so they spread.
     */
    @Test
    void peersCannotChooseGuidsThatShareAHash() {
        Set<Integer> polynomial = new HashSet<>();
        Set<Integer> ours = new HashSet<>();
        for (int n = 0; n < 64; n++) {
            byte[] b = new byte[Guid.LENGTH];
            int rest = n;
            for (int pair = 0; pair < 3; pair++) {
                int x = rest % 4;
                rest /= 4;
                b[2 * pair] = (byte) x;
                b[2 * pair + 1] = (byte) (-31 * x);
            }
            polynomial.add(Arrays.hashCode(b));
            ours.add(Guid.of(b).hashCode());
        }
        assertThat(polynomial).hasSize(1);
        assertThat(ours).hasSizeGreaterThan(60);
    }
}
