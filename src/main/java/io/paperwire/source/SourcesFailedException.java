package io.paperwire.source;

import io.paperwire.paper.Week;

import java.util.List;

/** Not one source delivered: the run stops and nothing is published or sent. One line per failed source. */
public class SourcesFailedException extends RuntimeException {
    private final List<String> failures;

    public SourcesFailedException(Week week, List<String> failures) {
        super("no source delivered " + week + "; nothing is published or sent:\n  " + String.join("\n  ", failures));
        this.failures = List.copyOf(failures);
    }

    /** One message per failed source, each naming the source and URL. */
    public List<String> failures() {
        return failures;
    }
}
