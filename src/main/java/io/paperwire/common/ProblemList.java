package io.paperwire.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems a lenient parser met, each naming its position, kept up to a cap so that a broken page of thousands of
 * entries cannot flood a run report; {@link #total()} still counts all of them.
 */
public final class ProblemList {

    /** Problems kept per parsed page or feed. */
    public static final int CAP = 50;

    private final int cap;
    private final List<String> kept = new ArrayList<>();
    private int total;

    public ProblemList() {
        this(CAP);
    }

    public ProblemList(int cap) {
        this.cap = cap;
    }

    public void add(String problem) {
        total++;
        if (kept.size() < cap) {
            kept.add(problem);
        }
    }

    /** The kept problems, in the order met. */
    public List<String> list() {
        return List.copyOf(kept);
    }

    public int total() {
        return total;
    }
}
