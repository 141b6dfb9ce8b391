package io.qtrade.portfolio.optimize;

import java.util.Arrays;

/**
 * A group (sector) constraint {@code min <= sum_{i in members} w_i <= max}.
 *
 * @param name    shown in error messages, e.g. "Technology"
 * @param members asset indices, distinct, in 0..N-1
 * @param min     lower bound of the group's total weight ({@code Double.NEGATIVE_INFINITY} for none)
 * @param max     upper bound ({@code Double.POSITIVE_INFINITY} for none), {@code >= min}
 */
public record GroupBound(String name, int[] members, double min, double max) {

    /** Validates and copies. */
    public GroupBound {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("group bound: name is blank");
        }
        if (members == null || members.length == 0) {
            throw new IllegalArgumentException("group bound '" + name + "': no members");
        }
        members = members.clone();
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("group bound '" + name + "': members " + Arrays.toString(members)
                        + ", expected distinct indices >= 0");
            }
        }
        if (Double.isNaN(min) || Double.isNaN(max) || min > max || min == Double.POSITIVE_INFINITY
                || max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("group bound '" + name + "': [" + min + ", " + max
                    + "], expected min <= max");
        }
    }

    @Override
    public String toString() {
        return "GroupBound[" + name + " " + Arrays.toString(members) + " in [" + min + ", " + max + "]]";
    }
}
