package io.paperwire.subscribers;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PrecomputedHmacTest {

    @Test
    void signsExactlyAsTheJdksHmacSha256ForKeysAndTextsOfEveryLength() throws Exception {
        Random random = new Random(2104);
        for (int round = 0; round < 400; round++) {
            byte[] key = new byte[1 + random.nextInt(150)]; // shorter and longer than a block
            random.nextBytes(key);
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0xe0 + random.nextInt(40)));
            }
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            PrecomputedHmac ours = new PrecomputedHmac(key);

            byte[] expected = jdk.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(ours.mac(text.toString())).as("key of %d bytes", key.length).isEqualTo(expected);
            assertThat(ours.mac(text.toString())).as("signing again").isEqualTo(expected);
        }
    }
}
