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
        description = "Lager et nøkkelpar for mottak (PKCS#12) og sertifikatet (PEM) som lastes opp til SvarUt")
@Service
public class KeyGenerateCommand implements Action {

    @Argument(index = 0, name = "keystore", required = true, description = "PKCS#12-filen som lages")
    String keystore;

    @Option(name = "--subject", required = true, description = "Sertifikatets subjekt, f.eks. \"CN=Postmottak, "
            + "O=Kommune, serialNumber=123456789\"")
    String subject;

    @Option(name = "--days", description = "Gyldighet i dager (standard 3650)")
    int days = 3650;

    @Option(name = "--key-size", description = "RSA-nøkkelens lengde i bit, minst 2048 (standard 2048)")
    int keySize = 2048;

    @Option(name = "--alias", description = "Nøkkelens alias (standard postmottak)")
    String alias = "postmottak";

    @Option(name = "--certificate", description = "Sertifikatfilen (PEM); standard: nøkkellagerets sti med .cert.pem")
    String certificate;

    @Option(name = "--csr", description = "Skriv også en sertifikatforespørsel (CSR, PEM) til denne filen")
    String csr;

    @Option(name = "--password", description = "Passord for nøkkellageret (spørres om når det mangler)")
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
            System.out.println("Nøkkellager: " + store.toAbsolutePath() + " (alias " + alias + ")");
            System.out.println("Sertifikat:  " + cert.toAbsolutePath() + " (last dette opp til SvarUt)");
            System.out.println("Serienummer: " + generated.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
            System.out.println("Gyldig til:  " + generated.getNotAfter().toInstant());
            if (csr != null) {
                System.out.println("CSR:         " + Path.of(csr).toAbsolutePath());
            }
            return null;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private char[] ask() throws Exception {
        String first = session.readLine("Passord for nøkkellageret: ", '*');
        String again = session.readLine("Gjenta passordet: ", '*');
        if (first == null || first.isEmpty() || !first.equals(again)) {
            throw new IllegalArgumentException("Passordene er tomme eller like ikke hverandre");
        }
        return first.toCharArray();
    }
}
