package io.paperwire.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) with the key's two padded blocks hashed once, not once per signature. The JDK's {@code Mac}
 * hashes the inner pad again on every reset, so a short token costs five SHA-256 blocks where three do; each email
 * carries a dozen signed links. The signatures are exactly {@code Mac.getInstance("HmacSHA256")}'s
 * ({@code PrecomputedHmacTest} compares them). Safe for concurrent use: the two hashed pads are only copied.
 */
final class PrecomputedHmac {

    private static final int BLOCK = 64;

    private final MessageDigest innerPad;
    private final MessageDigest outerPad;

    PrecomputedHmac(byte[] key) {
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        innerPad = sha256();
        innerPad.update(inner);
        outerPad = sha256();
        outerPad.update(outer);
    }

    byte[] mac(String data) {
        MessageDigest inner = copy(innerPad);
        inner.update(data.getBytes(StandardCharsets.UTF_8));
        MessageDigest outer = copy(outerPad);
        outer.update(inner.digest());
        return outer.digest();
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
