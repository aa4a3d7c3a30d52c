package dev.shoal.bench;

/**
 * One transfer figure next to the reference measured in the same rounds, so that load from other
 * processes on the machine slows both and their ratio stays meaningful.
 *
 * @param suite     {@code single_source}, {@code four_sources}, {@code shoal_get} or {@code hash_index}
 * @param name      what was measured
 * @param unit      unit of value and ref
 * @param value     per-round values of the figure
 * @param reference what the reference is ({@code curl}, {@code curl -o file}, {@code curl|sha1sum},
 *                  {@code one_source}, {@code aria2c}, {@code sha1sum}), or empty
 * @param ref       per-round values of the reference, null when there is none
 * @param ratio     per-round value ÷ reference, null when there is no reference or a round's reference is zero
 *                  (aria2c's CPU time before its first byte is often below the clock's tick)
 * @param target    the ratio aimed at (issue 3), NaN when none
 * @param atMost    true when less is better (a time): the ratio should be at most the target, not at least
 */
record TransferFigure(String suite, String name, String unit, RoundStats value, String reference, RoundStats ref,
        RoundStats ratio, double target, boolean atMost) {

    /** A figure where more is better (a speed). */
    TransferFigure(String suite, String name, String unit, RoundStats value, String reference, RoundStats ref,
            RoundStats ratio, double target) {
        this(suite, name, unit, value, reference, ref, ratio, target, false);
    }

    /** True when the median ratio reaches the target. */
    boolean meetsTarget() {
        return atMost ? ratio.median() <= target : ratio.median() >= target;
    }

    boolean hasReference() {
        return ref != null;
    }

    boolean hasRatio() {
        return ratio != null;
    }
}
