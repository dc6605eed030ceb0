package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the demo receiver certificate: the configured PEM file, or a fresh key pair written to a folder. */
final class DemoCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCertificate.class);

    private DemoCertificate() {
    }

    static X509Certificate loadOrGenerate(String certFile, Path generateInto) throws IOException {
        if (certFile != null && !certFile.isBlank()) {
            return DemoKeys.readCertificate(Path.of(certFile.trim()));
        }
        DemoKeys.KeyAndCertificate kc = DemoKeys.generate("CN=Postmottak demo, O=SvarInn-simulator");
        DemoKeys.writePem(kc, generateInto);
        LOG.info("SvarInn simulator: no demo certificate configured; generated receiver-key.pem and "
                + "receiver-cert.pem in {}", generateInto.toAbsolutePath());
        return kc.certificate();
    }
}
