package io.paperwire.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemListTest {

    @Test
    void keepsTheFirstProblemsUpToTheCapAndCountsThemAll() {
        ProblemList problems = new ProblemList(2);
        problems.add("entry 1 skipped: no id");
        problems.add("entry 4 skipped: no title");
        problems.add("entry 9 skipped: no date");

        assertThat(problems.list()).containsExactly("entry 1 skipped: no id", "entry 4 skipped: no title");
        assertThat(problems.total()).isEqualTo(3);
    }
}
