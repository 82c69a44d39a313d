package io.paperwire.archive;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, except that a route's own {@code Cache-Control} reaches the client: Camel drops it by
 * default (as a hop header it would copy from request to reply), which would leave the archive without its caching
 * policy and the subscription pages without {@code no-store}. Bound as {@code webHeaders} and named by the
 * {@code platform-http} endpoints that set it ({@code headerFilterStrategy: "#webHeaders"}).
 */
public final class WebHeaderFilter extends HttpHeaderFilterStrategy {

    public WebHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
