package io.paperwire.subscribers;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalTokensTest {

    final PersonalTokens tokens = new PersonalTokens(new SubscriptionTokens(
            "test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8), Clock.systemUTC()));
    final Subscriber ada = new Subscriber(7, "ada@example.org", Subscriber.State.ACTIVE, "salt-7");
    final Subscriber bo = new Subscriber(8, "bo@example.org", Subscriber.State.ACTIVE, "salt-8");

    @Test
    void aPreferencesTokenOpensOnlyItsOwnReadersPage() {
        String token = tokens.preferences(ada);

        PersonalTokens.Claim claim = tokens.parsePreferences(token).orElseThrow();

        assertThat(claim.subscriberId()).isEqualTo(7);
        assertThat(tokens.verify(claim, ada)).isTrue();
        assertThat(tokens.verify(claim, bo)).isFalse();
    }

    @Test
    void anAlteredOrForgedTokenIsRefused() {
        String token = tokens.preferences(ada);
        String otherReader = "p8" + token.substring(2);
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertThat(tokens.parsePreferences(otherReader).filter(c -> tokens.verify(c, bo))).isEmpty();
        assertThat(tokens.parsePreferences(flipped).filter(c -> tokens.verify(c, ada))).isEmpty();
        assertThat(tokens.parsePreferences("p7.AAAAAAAAAAAAAAAAAAAAAA").filter(c -> tokens.verify(c, ada))).isEmpty();
        assertThat(tokens.parsePreferences("p7")).isEmpty();
        assertThat(tokens.parsePreferences(null)).isEmpty();
    }

    @Test
    void aFeedbackTokenIsForOnePaperOfOneReader() {
        String token = tokens.feedback(ada, "2405.12345");
        PersonalTokens.Claim claim = tokens.parseFeedback(token).orElseThrow();
        String otherPaper = token.replace("2405.12345", "2405.54321");

        assertThat(claim.arxivId()).isEqualTo("2405.12345");
        assertThat(tokens.verify(claim, ada)).isTrue();
        assertThat(tokens.parseFeedback(otherPaper).filter(c -> tokens.verify(c, ada))).isEmpty();
        assertThat(tokens.parsePreferences(token)).isEmpty();
        assertThat(tokens.parseFeedback(tokens.preferences(ada))).isEmpty();
    }

    @Test
    void oldStyleArxivIdsWithASlashWork() {
        String token = tokens.feedback(ada, "hep-th/9901001");

        assertThat(tokens.parseFeedback(token).filter(c -> tokens.verify(c, ada)).map(PersonalTokens.Claim::arxivId))
                .contains("hep-th/9901001");
    }

    @Test
    void forgettingAReaderVoidsTheLinksTheyWereSent() {
        String token = tokens.preferences(ada);
        Subscriber forgotten = new Subscriber(7, "forgotten-7@forgotten.invalid", Subscriber.State.UNSUBSCRIBED, "new");

        assertThat(tokens.verify(tokens.parsePreferences(token).orElseThrow(), forgotten)).isFalse();
    }
}
