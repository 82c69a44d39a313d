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

/** The subscriber list in the database. Addresses are validated and stored normalised (lower-case domain). */
public final class SubscriberStore {

    public static final String DEMO_ADDRESS = "demo-reader@paperwire.example";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;

    public SubscriberStore(Database database) {
        this.database = database;
    }

    /** Adds an active subscriber, or reactivates one who had left; returns the stored subscriber. */
    public Subscriber add(String rawAddress) {
        String email = normalise(rawAddress);
        Optional<Subscriber> known = find(email);
        if (known.isPresent()) {
            if (known.get().state() != Subscriber.State.ACTIVE) {
                setState(known.get().id(), Subscriber.State.ACTIVE);
            }
            return find(email).orElseThrow();
        }
        Instant now = Instant.now();
        database.update("INSERT INTO subscribers (email, state, token, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                email, Subscriber.State.ACTIVE.column(), newToken(), now, now);
        return find(email).orElseThrow();
    }

    public Optional<Subscriber> find(String email) {
        return database.queryOne("SELECT id, email, state, token FROM subscribers WHERE email = ?", SubscriberStore::map,
                email);
    }

    public List<Subscriber> all() {
        return database.query("SELECT id, email, state, token FROM subscribers ORDER BY id", SubscriberStore::map);
    }

    public List<Subscriber> inState(Subscriber.State state) {
        return database.query("SELECT id, email, state, token FROM subscribers WHERE state = ? ORDER BY id",
                SubscriberStore::map, state.column());
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
            if (!domain.contains(".")) {
                throw new AddressException("the domain has no dot");
            }
            return email.substring(0, at) + "@" + domain;
        } catch (AddressException e) {
            throw new InvalidAddressException("'" + text + "' is not a valid email address: " + e.getMessage());
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Subscriber map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Subscriber(row.getLong("id"), row.getString("email"), Subscriber.State.of(row.getString("state")),
                row.getString("token"));
    }
}
