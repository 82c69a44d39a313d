package io.paperwire.roundup;

import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.store.Database;
import io.paperwire.store.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The roundup texts an LLM wrote, by (period, paper set, model, prompt hash): a rerun of the same roundup, a preview
 * or a new edition of the same papers makes no call.
 */
final class RoundupTextCache {

    private final Database database;

    RoundupTextCache(Database database) {
        this.database = database;
    }

    /** The key: the period, the papers in rank order with their versions, the model and the prompt's hash. */
    static String key(RoundupPeriod period, List<RoundupEntry> entries, String model, String promptHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(period.id().getBytes(StandardCharsets.UTF_8));
            for (RoundupEntry e : entries) {
                sha.update((byte) 0);
                sha.update(e.paper().versionedId().getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) 0);
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(promptHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<RoundupText> find(String key) {
        return database.queryOne("SELECT text FROM roundup_texts WHERE cache_key = ?",
                row -> Json.read(row.getString("text"), RoundupText.class), key);
    }

    void put(String key, RoundupPeriod period, String model, String promptHash, RoundupText text) {
        database.inTransaction(c -> {
            Database.update(c, "DELETE FROM roundup_texts WHERE cache_key = ?", key);
            return Database.update(c, "INSERT INTO roundup_texts (cache_key, period, model, prompt_hash, text, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", key, period.id(), model, promptHash, Json.write(text), Instant.now());
        });
    }
}
