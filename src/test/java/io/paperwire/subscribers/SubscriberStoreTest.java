package io.paperwire.subscribers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriberStoreTest {

    @Test
    void addressesAreTrimmedAndLowerCased() {
        assertThat(SubscriberStore.normalise("  Ada.Lovelace@Example.ORG ")).isEqualTo("ada.lovelace@example.org");
    }

    @Test
    void lineBreaksAndControlCharactersAreRefused() {
        for (String injected : new String[] {"ada@example.org\r\nBcc: all@example.org", "ada@example.org\nX: y",
                "ada\r@example.org", "ada@exa\u0000mple.org"}) {
            assertThatThrownBy(() -> SubscriberStore.normalise(injected)).isInstanceOf(InvalidAddressException.class)
                    .hasMessageContaining("control characters");
        }
    }

    @Test
    void anythingButOnePlainAddressIsRefusedNamingTheAddress() {
        for (String bad : new String[] {"", "ada", "ada@localhost", "Ada <ada@example.org>", "a@b@example.org",
                "ada@example.org, bob@example.org", "ada@.example.org", "ada@example..org"}) {
            assertThatThrownBy(() -> SubscriberStore.normalise(bad)).as(bad).isInstanceOf(InvalidAddressException.class);
        }
        assertThatThrownBy(() -> SubscriberStore.normalise("ada@localhost")).hasMessageContaining("'ada@localhost'");
    }
}
