package no.postmottak.keystore.internal.shell;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import no.postmottak.keystore.internal.SelfSignedKeyGenerator;

/**
 * {@code postmottak:key-generate}: a new RSA key in a PKCS#12 file, its self-signed certificate as PEM (to upload to
 * SvarUt) and optionally a CSR. Asks for the password unless given, so it stays out of the shell history.
 */
@Command(scope = "postmottak", name = "key-generate",
        description = "Generates a receiver key pair (PKCS#12) and its certificate (PEM) for SvarUt")
@Service
public class KeyGenerateCommand implements Action {

    @Argument(index = 0, name = "keystore", required = true, description = "PKCS#12 file to create")
    String keystore;

    @Option(name = "--subject", required = true, description = "Certificate subject, e.g. \"CN=Postmottak, O=Kommune, "
            + "serialNumber=123456789\"")
    String subject;

    @Option(name = "--days", description = "Validity in days (default 3650)")
    int days = 3650;

    @Option(name = "--key-size", description = "RSA key size in bits, at least 2048 (default 2048)")
    int keySize = 2048;

    @Option(name = "--alias", description = "Alias of the key entry (default postmottak)")
    String alias = "postmottak";

    @Option(name = "--certificate", description = "PEM certificate file (default: key store path with .cert.pem)")
    String certificate;

    @Option(name = "--csr", description = "Also write a certificate signing request (PEM) to this file")
    String csr;

    @Option(name = "--password", description = "Key store password (asked for when left out)")
    String password;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        char[] secret = password != null ? password.toCharArray() : ask();
        try {
            Path store = Path.of(keystore);
            Path cert = certificate != null ? Path.of(certificate)
                    : Path.of(keystore.replaceFirst("\\.(p12|pfx)$", "") + ".cert.pem");
            X509Certificate generated = new SelfSignedKeyGenerator().generate(new SelfSignedKeyGenerator.Request(
                    subject, Duration.ofDays(days), keySize, alias, secret, store, cert,
                    csr == null ? null : Path.of(csr)));
            System.out.println("Key store:   " + store.toAbsolutePath() + " (alias " + alias + ")");
            System.out.println("Certificate: " + cert.toAbsolutePath() + " (upload this to SvarUt)");
            System.out.println("Serial:      " + generated.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
            System.out.println("Valid until: " + generated.getNotAfter().toInstant());
            if (csr != null) {
                System.out.println("CSR:         " + Path.of(csr).toAbsolutePath());
            }
            return null;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private char[] ask() throws Exception {
        String first = session.readLine("Key store password: ", '*');
        String again = session.readLine("Repeat password: ", '*');
        if (first == null || first.isEmpty() || !first.equals(again)) {
            throw new IllegalArgumentException("The passwords are empty or do not match");
        }
        return first.toCharArray();
    }
}
