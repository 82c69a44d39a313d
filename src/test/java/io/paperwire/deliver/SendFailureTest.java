package io.paperwire.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailureTest {

    static SendFailedException recipientRefused(int code) throws Exception {
        InternetAddress address = new InternetAddress("ada@example.org");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(address, "RCPT TO:<ada@example.org>", code,
                code + " 5.1.1 User unknown");
        return new SendFailedException("Invalid Addresses", refused, new jakarta.mail.Address[0],
                new jakarta.mail.Address[0], new jakarta.mail.Address[] {address});
    }

    @Test
    void aPermanentRecipientRefusalIsABounce() throws Exception {
        assertThat(SendFailure.classify(recipientRefused(550))).isEqualTo(SendFailure.RECIPIENT_REJECTED);
        assertThat(SendFailure.describe(recipientRefused(550))).contains("550 5.1.1 User unknown");
    }

    @Test
    void aTemporaryRecipientRefusalIsRetried() throws Exception {
        assertThat(SendFailure.classify(recipientRefused(450))).isEqualTo(SendFailure.TRANSIENT);
    }

    @Test
    void aPermanentRefusalOfTheMessageIsNotBlamedOnTheRecipient() {
        SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message refused", null,
                null, null, null);
        assertThat(SendFailure.classify(refused)).isEqualTo(SendFailure.MESSAGE_REJECTED);
        SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 451, "451 Try later", null, null, null, null);
        assertThat(SendFailure.classify(busy)).isEqualTo(SendFailure.TRANSIENT);
    }

    @Test
    void aTimeoutADroppedOrRefusedConnectionOrABadGreetingIsTheServersFailure() {
        assertThat(SendFailure.classify(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out")))).isEqualTo(SendFailure.SERVER_UNAVAILABLE);
        assertThat(SendFailure.classify(new MessagingException("Can't send command to SMTP host")))
                .isEqualTo(SendFailure.SERVER_UNAVAILABLE);
        assertThat(SendFailure.classify(new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525",
                new java.net.ConnectException("Connection refused")))).isEqualTo(SendFailure.SERVER_UNAVAILABLE);
        assertThat(SendFailure.classify(new MessagingException("Got bad greeting from SMTP host: 127.0.0.1, port: 2525,"
                + " response: 421 4.3.2 Service not available"))).isEqualTo(SendFailure.SERVER_UNAVAILABLE);
    }

    @Test
    void a421AnywhereIsTheServerClosingNotTheMessagesFailure() throws Exception {
        assertThat(SendFailure.classify(recipientRefused(421))).isEqualTo(SendFailure.SERVER_UNAVAILABLE);
        assertThat(SendFailure.classify(new SMTPSendFailedException("DATA", 421, "421 4.3.2 Shutting down", null,
                null, null, null))).isEqualTo(SendFailure.SERVER_UNAVAILABLE);
        assertThat(SendFailure.classify(new SMTPSendFailedException("MAIL FROM", 452, "452 4.3.1 Insufficient storage",
                null, null, null, null))).isEqualTo(SendFailure.TRANSIENT);
    }

    @Test
    void aRefusedLoginOrCertificateIsASetupProblemNotAMessageProblem() {
        assertThat(SendFailure.classify(new jakarta.mail.AuthenticationFailedException("535 5.7.8 Authentication failed")))
                .isEqualTo(SendFailure.SETUP_REFUSED);
        assertThat(SendFailure.classify(new MessagingException("Could not connect to SMTP host",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))).isEqualTo(SendFailure.SETUP_REFUSED);
        assertThat(SendFailure.classify(new SMTPSendFailedException("MAIL FROM", 530,
                "530 5.7.0 Must issue a STARTTLS command first", null, null, null, null)))
                .isEqualTo(SendFailure.SETUP_REFUSED);
    }
}
