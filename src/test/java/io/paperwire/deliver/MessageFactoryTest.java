package io.paperwire.deliver;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageFactoryTest {

    @Test
    void aHeaderValueWithALineBreakIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> MessageFactory.headerValue("Subject", "Weekly\r\nBcc: all@example.org"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("Subject").hasMessageContaining("line break");
        assertThatThrownBy(() -> MessageFactory.headerValue("To", "ada@example.org\nX: y"))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void anOrdinaryHeaderValuePassesUnchanged() throws Exception {
        assertThat(MessageFactory.headerValue("Subject", "Paperwire 2024-W21: Attention — again"))
                .isEqualTo("Paperwire 2024-W21: Attention — again");
    }
}
