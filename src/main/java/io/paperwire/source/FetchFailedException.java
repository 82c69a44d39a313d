package io.paperwire.source;

import java.net.URI;

/** No answer at all (timeout, refused or reset connection): a fault worth retrying. */
public class FetchFailedException extends SourceException {
    public FetchFailedException(String source, URI url, String problem, Throwable cause) {
        super(source, url, problem, cause);
    }
}
