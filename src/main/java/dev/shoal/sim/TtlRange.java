package dev.shoal.sim;

/** {@code --ttl}: one TTL ({@code 5}) or an inclusive range ({@code 4..7}). */
record TtlRange(int first, int last) {
    static final int MAX = 15;

    TtlRange {
        if (first < 1 || last < first || last > MAX) {
            throw new IllegalArgumentException("TTL must be 1.." + MAX + ", a range low..high");
        }
    }

    static TtlRange parse(String s) {
        try {
            int dots = s.indexOf("..");
            if (dots < 0) {
                int t = Integer.parseInt(s.strip());
                return new TtlRange(t, t);
            }
            return new TtlRange(Integer.parseInt(s.substring(0, dots).strip()),
                    Integer.parseInt(s.substring(dots + 2).strip()));
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: every way of getting it wrong gets the same advice.
            throw new IllegalArgumentException("--ttl must be 1.." + MAX
                    + ", or a range low..high from the lower to the higher, like 4..7: '" + s + "'");
        }
    }
}
