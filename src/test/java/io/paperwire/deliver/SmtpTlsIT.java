package io.paperwire.deliver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP over TLS with a login, against real TLS servers with a certificate made for 127.0.0.1 at test time: GreenMail
 * for SMTPS (TLS from the first byte), SubEthaSMTP for STARTTLS with TLS and login required. The relay is trusted by
 * {@code paperwire.smtp.ssl-trust} (its certificate is self-signed); a login or a certificate the other side refuses
 * pauses the send at once and sends nothing.
 */
class SmtpTlsIT {

    static final String USER = "newsletter";
    static final String PASSWORD = "relay-secret-42";

    @TempDir
    static Path keys;

    static Path keystore;

    @TempDir
    Path home;

    GreenMail relay;

    @BeforeAll
    static void certificateFor127001() throws Exception {
        keystore = keys.resolve("relay.p12");
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

    @Test
    void deliversWithStartTlsAndALoginToARelayThatRequiresBoth() throws Exception {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        SMTPServer relay = startTlsRelay(received);
        try {
            DeliveryReport report = send(startTls(relay.getPortAllocated(), true), PASSWORD, "127.0.0.1");

            assertThat(report.sent()).as(report.toString()).isEqualTo(3);
            assertThat(received).hasSize(3).allSatisfy(message -> assertThat(message).contains("List-Unsubscribe"));
        } finally {
            relay.stop();
        }
    }

    @Test
    void withoutStartTlsARelayThatRequiresItRefusesAndNothingIsSent() throws Exception {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        SMTPServer relay = startTlsRelay(received);
        try {
            DeliveryReport report = send(startTls(relay.getPortAllocated(), false), PASSWORD, "127.0.0.1");

            assertThat(report.sent()).isZero();
            assertThat(report.paused()).contains("cannot be used as configured").contains("530");
            assertThat(received).isEmpty();
        } finally {
            relay.stop();
        }
    }

    /** A relay that offers STARTTLS and accepts nothing before TLS and a login. */
    private static SMTPServer startTlsRelay(List<String> received) throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        SMTPServer relay = SMTPServer.port(0).bindAddress(java.net.InetAddress.getByName("127.0.0.1"))
                .enableTLS().requireTLS().startTlsSocketFactory(tls)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .requireAuth()
                .simpleMessageListener(new SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        return true;
                    }

                    @Override
                    public void deliver(String from, String recipient, java.io.InputStream data) throws java.io.IOException {
                        received.add(new String(data.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                })
                .build();
        relay.start();
        return relay;
    }

    private static PaperwireSettings.Smtp startTls(int port, boolean starttls) {
        return new PaperwireSettings.Smtp("127.0.0.1", port, USER, new PaperwireSettings.Secret(PASSWORD), starttls);
    }

    private DeliveryReport send(PaperwireSettings.Smtp smtp, String password, String trustedHosts) {
        DeliverySettings delivery = DeliverySettings.defaults().withConcurrency(2).withSsl(false, trustedHosts)
                .withRetries(2, java.time.Duration.ofMillis(10), 20);
        PaperwireSettings.Smtp withPassword = new PaperwireSettings.Smtp(smtp.host(), smtp.port(), smtp.username(),
                new PaperwireSettings.Secret(password), smtp.starttls());
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
             SmtpMailer mailer = new SmtpMailer(withPassword, delivery)) {
            return deliverToThree(fixture, mailer, delivery);
        }
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
            return deliverToThree(fixture, mailer, delivery);
        }
    }

    private static DeliveryReport deliverToThree(DeliveryFixture fixture, Mailer mailer, DeliverySettings delivery) {
        fixture.addSubscribers(0, 3);
        RenderedIssue issue = fixture.publishIssue(1, 2000);
        DeliveryReport report = fixture.stage(mailer, delivery).deliver(issue);
        assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(report.sent());
        assertThat(List.of("pending", "failed").stream().mapToInt(s -> fixture.deliveries(issue.issueId(), s)).sum())
                .as("what was not sent stays for the next run").isEqualTo(3 - report.sent());
        return report;
    }
}
