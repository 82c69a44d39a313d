package io.paperwire.deliver;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@link java.util.ServiceLoader} scan of the whole class
 * path on every body part it creates or encodes; for a list of thousands that scan costs more than the SMTP
 * conversation. Naming the provider in its system property makes the lookup a plain class load. Set only when the
 * operator has not set it.
 */
final class JakartaMailTuning {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private JakartaMailTuning() {}

    static void apply() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
