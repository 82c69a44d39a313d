package io.paperwire.source;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosts Paperwire may fetch from. A redirect or configured URL to any other host is refused before a connection
 * is made, so a compromised or misconfigured answer cannot point the fetcher at an internal service.
 */
public record HostAllowList(Set<String> hosts) {

    public HostAllowList {
        hosts = hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The given hosts plus the hosts of the given URLs (the operator named them, so they are trusted). */
    public static HostAllowList of(Collection<String> hosts, Collection<URI> configured) {
        Set<String> all = new java.util.HashSet<>(hosts);
        configured.stream().map(URI::getHost).filter(h -> h != null).forEach(all::add);
        return new HostAllowList(all);
    }

    public boolean allows(URI uri) {
        String host = uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return host != null && (scheme.equals("https") || scheme.equals("http"))
                && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** @throws SourceException naming the source, the URL and the allowed hosts when the host is not allowed */
    public void check(String source, URI uri) {
        if (!allows(uri)) {
            throw new SourceException(source, uri, "host '" + uri.getHost() + "' is not in paperwire.http.allowed-hosts "
                    + hosts.stream().sorted().toList());
        }
    }
}
