package io.paperwire.subscribers;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionTokensTest {

    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    final SubscriptionTokens tokens = new SubscriptionTokens("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));
    final Subscriber ada = new Subscriber(7, "ada@example.org", Subscriber.State.ACTIVE, "salt-7");
    final Subscriber grace = new Subscriber(8, "grace@example.org", Subscriber.State.ACTIVE, "salt-8");

    @Test
    void aTokenVerifiesForItsOwnSubscriberAndPurposeOnly() {
        String unsubscribe = tokens.unsubscribe(ada);

        assertThat(tokens.verify(unsubscribe, SubscriptionTokens.Purpose.UNSUBSCRIBE, ada)).isTrue();
        assertThat(tokens.verify(unsubscribe, SubscriptionTokens.Purpose.UNSUBSCRIBE, grace)).isFalse();
        assertThat(tokens.verify(unsubscribe, SubscriptionTokens.Purpose.CONFIRM, ada)).isFalse();
        assertThat(tokens.subscriberId(unsubscribe, SubscriptionTokens.Purpose.UNSUBSCRIBE)).contains(7L);
    }

    @Test
    void anyAlteredCharacterMakesTheTokenInvalid() {
        String token = tokens.unsubscribe(ada);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : c == '7' ? '8' : 'A') + token.substring(i + 1);
            Subscriber named = altered.startsWith("u8") ? grace : ada;
            assertThat(tokens.verify(altered, SubscriptionTokens.Purpose.UNSUBSCRIBE, named)).as(altered).isFalse();
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        SubscriptionTokens other = new SubscriptionTokens("another-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tokens.verify(other.unsubscribe(ada), SubscriptionTokens.Purpose.UNSUBSCRIBE, ada)).isFalse();
    }

    @Test
    void aConfirmTokenExpires() {
        String valid = tokens.confirm(ada, NOW.plusSeconds(60));
        String expired = tokens.confirm(ada, NOW.minusSeconds(1));

        assertThat(tokens.verify(valid, SubscriptionTokens.Purpose.CONFIRM, ada)).isTrue();
        assertThat(tokens.verify(expired, SubscriptionTokens.Purpose.CONFIRM, ada)).isFalse();
        String extended = valid.replaceFirst("\\.\\d+\\.", "." + NOW.plusSeconds(999_999).getEpochSecond() + ".");
        assertThat(tokens.verify(extended, SubscriptionTokens.Purpose.CONFIRM, ada)).isFalse();
    }

    @Test
    void malformedTokensAreRejectedWithoutErrors() {
        for (String junk : new String[] {null, "", "u", "u7.", "u7.short", "x7.AAAAAAAAAAAAAAAAAAAAAA", "u7.AAAAAAAAAAAAAAAAAAAAAA\n",
                "u7." + "A".repeat(200)}) {
            assertThat(tokens.verify(junk, SubscriptionTokens.Purpose.UNSUBSCRIBE, ada)).isFalse();
            assertThat(tokens.subscriberId(junk, SubscriptionTokens.Purpose.UNSUBSCRIBE)).isEmpty();
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new SubscriptionTokens(new byte[8], Clock.systemUTC()))
                .hasMessageContaining("at least 16 bytes");
    }
}
