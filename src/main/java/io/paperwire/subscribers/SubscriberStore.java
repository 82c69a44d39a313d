package io.paperwire.subscribers;

import io.paperwire.store.Database;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The subscriber list in the database. Addresses are validated and stored normalised (trimmed, lower-case), so each
 * reader has one row.
 */
public final class SubscriberStore {

    public static final String DEMO_ADDRESS = "demo-reader@paperwire.example";
    /** A forgotten reader's address is {@code forgotten-<id>@forgotten.invalid} ({@link PreferencesStore#forget}). */
    static final String FORGOTTEN_PREFIX = "forgotten-";
    static final String FORGOTTEN_DOMAIN = "@forgotten.invalid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;

    public SubscriberStore(Database database) {
        this.database = database;
    }

    /** Adds an active subscriber, or reactivates one who had left; returns the stored subscriber. */
    public Subscriber add(String rawAddress) {
        return add(rawAddress, "cli");
    }

    /**
     * Adds an active subscriber (an operator vouches for the consent: the CLI, an import), or reactivates one who
     * had left.
     *
     * @param source how the consent was given, kept for the record, e.g. {@code import list.csv}
     */
    public Subscriber add(String rawAddress, String source) {
        String email = normalise(rawAddress);
        Optional<Subscriber> known = find(email);
        Instant now = Instant.now();
        if (known.isPresent()) {
            if (known.get().state() != Subscriber.State.ACTIVE) {
                database.update("UPDATE subscribers SET state = 'active', confirmed_at = ?, source = ?, updated_at = ?"
                        + " WHERE id = ?", now, clip(source), now, known.get().id());
            }
            return find(email).orElseThrow();
        }
        database.update("INSERT INTO subscribers (email, state, token, created_at, updated_at, confirmed_at, source)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                email, Subscriber.State.ACTIVE.column(), newToken(), now, now, now, clip(source));
        return find(email).orElseThrow();
    }

    /**
     * Records a self-service subscription awaiting confirmation (double opt-in). A new address becomes
     * {@code pending}; one that left or bounced becomes pending again; an active one stays as it is.
     */
    public Subscriber addPending(String email, String source) {
        Optional<Subscriber> known = find(email);
        Instant now = Instant.now();
        if (known.isEmpty()) {
            try {
                database.update("INSERT INTO subscribers (email, state, token, created_at, updated_at, source)"
                        + " VALUES (?, 'pending', ?, ?, ?, ?)", email, newToken(), now, now, clip(source));
            } catch (io.paperwire.store.DatabaseException raced) {
                // Another request inserted the same address meanwhile; fall through to read it.
            }
        } else if (known.get().state() == Subscriber.State.UNSUBSCRIBED || known.get().state() == Subscriber.State.BOUNCED) {
            database.update("UPDATE subscribers SET state = 'pending', source = ?, updated_at = ? WHERE id = ?",
                    clip(source), now, known.get().id());
        }
        return find(email).orElseThrow();
    }

    /** Makes a pending subscriber active (the confirm link was followed); true when it changed something. */
    public boolean confirm(long id) {
        Instant now = Instant.now();
        return database.update("UPDATE subscribers SET state = 'active', confirmed_at = ?, updated_at = ?"
                + " WHERE id = ? AND state = 'pending'", now, now, id) > 0;
    }

    /** Unsubscribes at once; true when the subscriber was receiving (or about to receive) mail. */
    public boolean unsubscribe(long id) {
        return database.update("UPDATE subscribers SET state = 'unsubscribed', updated_at = ?"
                + " WHERE id = ? AND state IN ('active', 'pending', 'bounced')", Instant.now(), id) > 0;
    }

    public Optional<Subscriber> byId(long id) {
        return database.queryOne("SELECT id, email, state, token FROM subscribers WHERE id = ?", SubscriberStore::map, id);
    }

    private static String clip(String source) {
        return source == null ? null : source.length() > 200 ? source.substring(0, 200) : source;
    }

    public Optional<Subscriber> find(String email) {
        return database.queryOne("SELECT id, email, state, token FROM subscribers WHERE email = ?", SubscriberStore::map,
                email);
    }

    public List<Subscriber> all() {
        return database.query("SELECT id, email, state, token FROM subscribers ORDER BY id", SubscriberStore::map);
    }

    /** A subscriber with the record of its consent, for export. */
    public record Entry(Subscriber subscriber, Instant createdAt, Instant confirmedAt, String source) {}

    public List<Entry> entries() {
        return database.query("SELECT id, email, state, token, created_at, confirmed_at, source FROM subscribers"
                        + " WHERE state <> 'demo' AND (source IS NULL OR source <> 'forgotten') ORDER BY id",
                row -> new Entry(map(row), Database.instant(row, "created_at"), Database.instant(row, "confirmed_at"),
                        row.getString("source")));
    }

    public List<Subscriber> inState(Subscriber.State state) {
        return database.query("SELECT id, email, state, token FROM subscribers WHERE state = ? ORDER BY id",
                SubscriberStore::map, state.column());
    }

    public boolean anyInState(Subscriber.State state) {
        return database.queryOne("SELECT 1 AS found FROM subscribers WHERE state = ? LIMIT 1", row -> true, state.column())
                .isPresent();
    }

    /** The sample run's demo reader, created on first use. */
    public Subscriber demo() {
        return find(DEMO_ADDRESS).orElseGet(() -> {
            Instant now = Instant.now();
            database.update("INSERT INTO subscribers (email, state, token, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    DEMO_ADDRESS, Subscriber.State.DEMO.column(), newToken(), now, now);
            return find(DEMO_ADDRESS).orElseThrow();
        });
    }

    public void setState(long id, Subscriber.State state) {
        database.update("UPDATE subscribers SET state = ?, updated_at = ? WHERE id = ?", state.column(), Instant.now(), id);
    }

    /**
     * @throws InvalidAddressException quoting the address when it is not a single plain address
     */
    public static String normalise(String rawAddress) {
        String text = rawAddress == null ? "" : rawAddress.strip();
        if (text.isEmpty()) {
            throw new InvalidAddressException("no email address given");
        }
        if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c < 0x20)) {
            throw new InvalidAddressException("'" + text.replaceAll("\\p{Cntrl}", "?") + "' contains control characters");
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            String email = address.getAddress();
            if (!email.equals(text) || !email.contains("@") || email.length() > 320) {
                throw new AddressException("not a plain address");
            }
            int at = email.lastIndexOf('@');
            String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
                throw new AddressException("the domain is not a full domain name");
            }
            // Lower-case as a whole: mailboxes differing only in case are one reader, and one row.
            return (email.substring(0, at) + "@" + domain).toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new InvalidAddressException("'" + text + "' is not a valid email address: " + e.getMessage());
        }
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Subscriber map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Subscriber(row.getLong("id"), row.getString("email"), Subscriber.State.of(row.getString("state")),
                row.getString("token"));
    }
}
