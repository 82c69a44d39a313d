package io.paperwire.deliver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acceptances of one send, one line each ({@code <issue> <subscriber> <Message-ID>}), appended the moment the
 * SMTP server accepted the message, ahead of the group commit that records them in the embedded database.
 *
 * <p>Each line is one {@code write} on a file opened for appending: once it returns, the kernel has the line, so it
 * survives the death of the process ({@code kill -9}, out of memory); the workers of a send share the one channel and
 * each line is written whole. Nothing is fsynced: a power loss can still cost the lines the kernel had not yet
 * written to disk. A send deletes its journal once every mark is committed; a journal left behind belongs to a send
 * that died, and {@link #replayOrphans} hands its lines to the database before the next send reads the log. A torn
 * last line (the process died mid-write) is ignored: that message is sent again, with the same Message-ID.
 */
final class SentJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SentJournal.class);
    private static final String SUFFIX = ".journal";
    /**
     * Journals of live sends in this JVM, never replayed: a live journal is also locked, but a replay could otherwise
     * take one in the instant between its creation and its lock.
     */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    /** One acceptance. */
    record Entry(long issueId, long subscriberId, String messageId) {}

    /** Commits replayed entries to the database; the journal is deleted only once this returned. */
    @FunctionalInterface
    interface Committer {
        void commit(List<Entry> entries);
    }

    private final Path file;
    private final FileChannel channel;
    private final long issueId;

    private SentJournal(Path file, FileChannel channel, long issueId) {
        this.file = file;
        this.channel = channel;
        this.issueId = issueId;
    }

    /** Starts the journal of one send of {@code issueId} in {@code folder} (created if missing). */
    static SentJournal start(Path folder, long issueId, String runId) {
        Path file = folder.resolve("issue-" + issueId + "-" + runId + SUFFIX).toAbsolutePath();
        OPEN.add(file);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            channel.tryLock();
            return new SentJournal(file, channel, issueId);
        } catch (IOException | RuntimeException e) {
            OPEN.remove(file);
            throw new UncheckedIOException(new IOException("cannot start the journal of sent messages " + file + ": "
                    + e.getMessage() + "; check that paperwire.data-dir is writable", e));
        }
    }

    /** Records that the server accepted {@code messageId} for {@code subscriberId}: one write of one line. */
    void append(long subscriberId, String messageId) {
        ByteBuffer line = ByteBuffer.wrap((issueId + " " + subscriberId + " " + messageId + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        try {
            // Writes through one channel are serialised by it; a regular file takes the whole line in one call.
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot append to the journal of sent messages " + file
                    + ": " + e.getMessage(), e));
        }
    }

    /** Closes the journal; deletes it when {@code committed} (every line is in the database), else keeps it for replay. */
    void close(boolean committed) {
        try {
            channel.close();
            if (committed) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the journal of sent messages {}: {}", file, e.getMessage());
        } finally {
            OPEN.remove(file);
        }
    }

    @Override
    public void close() {
        close(false);
    }

    /**
     * Commits the lines of every journal in {@code folder} left by a send that died (not one of a live send of this
     * or another process), then deletes each.
     *
     * @return the entries replayed
     */
    static int replayOrphans(Path folder, Committer committer) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int replayed = 0;
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path journal : journals) {
                if (!OPEN.contains(journal.toAbsolutePath())) {
                    replayed += replay(journal, committer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the journals of sent messages in " + folder
                    + ": " + e.getMessage(), e));
        }
        return replayed;
    }

    private static int replay(Path journal, Committer committer) throws IOException {
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return 0;
            }
            if (lock == null) {
                return 0;
            }
            List<Entry> entries = parse(journal, Files.readAllBytes(journal));
            if (!entries.isEmpty()) {
                committer.commit(entries);
                LOG.info("Recorded {} sent messages from the journal {} of a send that stopped early", entries.size(),
                        journal);
            }
            Files.delete(journal);
            return entries.size();
        }
    }

    /** The complete lines of a journal; a torn last line is left out, a garbled line reported and left out. */
    static List<Entry> parse(Path journal, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < text.length() - 1) {
            LOG.info("Ignoring the torn last line of {} (its process died writing it): that message is sent again",
                    journal);
        }
        List<Entry> entries = new ArrayList<>();
        if (end < 0) {
            return entries;
        }
        String[] lines = text.substring(0, end).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] fields = lines[i].split(" ", -1);
            try {
                if (fields.length != 3 || !fields[2].startsWith("<") || !fields[2].endsWith(">")) {
                    throw new IllegalArgumentException("expected <issue> <subscriber> <Message-ID>");
                }
                entries.add(new Entry(Long.parseLong(fields[0]), Long.parseLong(fields[1]), fields[2]));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring line {} of {} ({}): '{}'; if the server accepted that message, it is sent again",
                        i + 1, journal, e.getMessage(), lines[i].length() > 200 ? lines[i].substring(0, 200) : lines[i]);
            }
        }
        return entries;
    }
}
