package io.paperwire.source;

import java.net.URI;

/** A source that could not deliver: the message names the source, what was wrong, and the URL. */
public class SourceException extends RuntimeException {
    private final String source;
    private final URI url;
    private final String problem;

    public SourceException(String source, URI url, String problem) {
        this(source, url, problem, null);
    }

    public SourceException(String source, URI url, String problem, Throwable cause) {
        super(source + ": " + problem + " (" + url + ")", cause);
        this.source = source;
        this.url = url;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public URI url() {
        return url;
    }

    /** What went wrong, without the source and URL. */
    public String problem() {
        return problem;
    }
}
