package io.paperwire.deliver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.PaperwireSettings;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP over TLS with a login, against a real TLS server: GreenMail's SMTPS with a certificate made for 127.0.0.1 at
 * test time. The relay is trusted by {@code paperwire.smtp.ssl-trust} (its certificate is self-signed); a login or a
 * certificate the other side refuses pauses the send at once and sends nothing.
 */
class SmtpTlsIT {

    static final String USER = "newsletter";
    static final String PASSWORD = "relay-secret-42";

    @TempDir
    static Path keys;

    @TempDir
    Path home;

    GreenMail relay;

    @BeforeAll
    static void certificateFor127001() throws Exception {
        Path keystore = keys.resolve("relay.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        // Read once, when GreenMail opens its first TLS socket in this JVM.
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
    }

    @BeforeEach
    void startRelay() {
        relay = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        relay.setUser("newsletter@paperwire.example", USER, PASSWORD);
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Test
    void deliversOverTlsWithALoginToATrustedRelay() {
        DeliveryReport report = send(PASSWORD, "127.0.0.1");

        assertThat(report.sent()).as(report.toString()).isEqualTo(3);
        assertThat(report.paused()).isEmpty();
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(report.mailer()).isEqualTo("smtps 127.0.0.1:" + relay.getSmtps().getPort());
    }

    @Test
    void aRefusedLoginPausesTheSendAtOnceAndSendsNothing() {
        DeliveryReport report = send("wrong-password", "127.0.0.1");

        assertThat(report.sent()).isZero();
        assertThat(report.paused()).contains("cannot be used as configured").contains("PAPERWIRE_SMTP_PASSWORD")
                .doesNotContain("wrong-password");
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCertificateNoTrustedAuthoritySignedIsRefusedUnlessTheRelayIsTrusted() {
        DeliveryReport report = send(PASSWORD, "");

        assertThat(report.sent()).isZero();
        assertThat(report.paused()).contains("cannot be used as configured");
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTrustedRelayMustStillBeNamedByItsCertificate() {
        // The certificate names 127.0.0.1; "localhost" is trusted but not the name the certificate gives.
        DeliveryReport report = send(PASSWORD, "localhost", "localhost");

        assertThat(report.sent()).isZero();
        assertThat(report.paused()).contains("cannot be used as configured").contains("No name matching localhost");
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    private DeliveryReport send(String password, String trustedHosts) {
        return send(password, trustedHosts, "127.0.0.1");
    }

    private DeliveryReport send(String password, String trustedHosts, String host) {
        DeliverySettings delivery = DeliverySettings.defaults().withConcurrency(2).withSsl(true, trustedHosts)
                .withRetries(2, java.time.Duration.ofMillis(10), 20);
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
             SmtpMailer mailer = new SmtpMailer(new PaperwireSettings.Smtp(host, relay.getSmtps().getPort(), USER,
                     new PaperwireSettings.Secret(password), false), delivery)) {
            fixture.addSubscribers(0, 3);
            RenderedIssue issue = fixture.publishIssue(1, 2000);
            DeliveryReport report = fixture.stage(mailer, delivery).deliver(issue);
            assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(report.sent());
            assertThat(List.of("pending", "failed").stream().mapToInt(s -> fixture.deliveries(issue.issueId(), s)).sum())
                    .as("what was not sent stays for the next run").isEqualTo(3 - report.sent());
            return report;
        }
    }
}
