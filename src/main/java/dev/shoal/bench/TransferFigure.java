package dev.shoal.bench;

/**
 * One transfer figure next to the reference measured in the same rounds, so that load from other
 * processes on the machine slows both and their ratio stays meaningful.
 *
 * @param suite     {@code single_source}, {@code four_sources} or {@code hash_index}
 * @param name      what was measured
 * @param unit      unit of value and ref
 * @param value     per-round values of the figure
 * @param reference what the reference is ({@code curl}, {@code curl -o file}, {@code curl|sha1sum},
 *                  {@code one_source}, {@code sha1sum}), or empty
 * @param ref       per-round values of the reference, null when there is none
 * @param ratio     per-round value ÷ reference, null when there is no reference
 * @param target    the ratio aimed at (issue 3), NaN when none
 */
record TransferFigure(String suite, String name, String unit, RoundStats value, String reference, RoundStats ref,
        RoundStats ratio, double target) {

    boolean hasReference() {
        return ref != null;
    }
}
