package io.paperwire.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The route files of one folder ({@code routes/} or {@code routes/serve/}), listed exactly, not recursively, as
 * Camel resource URIs. Camel's own wildcard scan matches sub-folders when the routes are a directory and reads a
 * whole jar entry by entry (seconds for the shaded jar); listing them here is exact and fast.
 */
final class RouteFiles {

    private static final String SUFFIX = ".camel.yaml";

    private RouteFiles() {}

    /** The {@code *.camel.yaml} files directly in {@code folder} of the working copy. */
    static List<String> inDirectory(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f)).sorted()
                    .map(f -> "file:" + f.toAbsolutePath()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the routes in " + folder, e);
        }
    }

    /** The {@code *.camel.yaml} files directly in {@code folder} (e.g. {@code routes/serve}) on the classpath. */
    static List<String> onClasspath(String folder) {
        URL url = RouteFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return inDirectory(Path.of(url.toURI())).stream()
                        .map(f -> "classpath:" + folder + "/" + f.substring(f.lastIndexOf('/') + 1)).toList();
            }
            if ("jar".equals(url.getProtocol())) {
                List<String> names = new ArrayList<>();
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = folder + "/";
                    Collections.list(jar.entries()).forEach(entry -> {
                        String name = entry.getName();
                        if (name.startsWith(prefix) && name.endsWith(SUFFIX) && name.indexOf('/', prefix.length()) < 0) {
                            names.add("classpath:" + name);
                        }
                    });
                }
                Collections.sort(names);
                return names;
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the bundled routes in " + folder + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("cannot list the bundled routes in " + url);
    }
}
