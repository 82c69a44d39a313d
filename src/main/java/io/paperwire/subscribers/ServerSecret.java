package io.paperwire.subscribers;

import io.paperwire.settings.PaperwireSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs subscription links: {@code PAPERWIRE_SECRET} when set, otherwise a random key generated on
 * first use and kept in {@code <data-dir>/server-secret} (readable by the owner only), so links stay valid across
 * restarts. Never logged.
 */
public final class ServerSecret {

    static final String FILE = "server-secret";

    private ServerSecret() {}

    public static byte[] load(PaperwireSettings settings) {
        PaperwireSettings.Secret fromEnvironment = settings.serverSecret();
        if (fromEnvironment.isPresent()) {
            byte[] bytes = fromEnvironment.value().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 16) {
                throw new PaperwireSettings.InvalidSettingsException("Invalid settings:\n  PAPERWIRE_SECRET: too short;"
                        + " give at least 16 characters, e.g. the output of `openssl rand -hex 32`");
            }
            return bytes;
        }
        return fromFile(settings.dataDir().resolve(FILE));
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path partial = file.resolveSibling(FILE + ".part");
                Files.writeString(partial, HexFormat.of().formatHex(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system: the folder's own permissions protect it.
                }
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(partial);
                }
            }
            return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server secret " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a hex key; delete it to generate a new one"
                    + " (links in sent emails stop working)", e);
        }
    }
}
