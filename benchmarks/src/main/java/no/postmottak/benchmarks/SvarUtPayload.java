package no.postmottak.benchmarks;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.keystore.testing.TestKeyStores;

/**
 * A benchmark payload in a folder: {@code key.p12} (+ {@code cert.pem}), {@code plain.bin} (random),
 * {@code plain.sha256} and {@code payload.cms}, encrypted exactly as SvarUt does (BC stream generator, 1000-byte
 * chunks, RSA-OAEP SHA-256 with explicit NULLs, AES-256-CBC). Everything streams through files, never the heap.
 * Usage: {@code SvarUtPayload DIR SIZE_MB}.
 */
public final class SvarUtPayload {

    static final char[] PASSWORD = "benchmark-only".toCharArray();
    private static final int STEP = 1 << 20;

    private SvarUtPayload() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long bytes = Long.parseLong(args.length > 1 ? args[1] : "1024") << 20;
        create(dir, bytes);
        System.out.println("payload " + dir.resolve("payload.cms") + ": " + Files.size(dir.resolve("payload.cms"))
                + " bytes; plaintext sha256 " + Files.readString(dir.resolve("plain.sha256")));
    }

    /** Creates the payload unless the folder already holds one of this size. */
    static void create(Path dir, long bytes) throws Exception {
        Files.createDirectories(dir);
        Path plain = dir.resolve("plain.bin");
        if (Files.exists(dir.resolve("payload.cms")) && Files.exists(plain) && Files.size(plain) == bytes) {
            return;
        }
        for (String f : List.of("key.p12", "cert.pem", "plain.bin", "plain.sha256", "payload.cms")) {
            Files.deleteIfExists(dir.resolve(f));
        }
        X509Certificate cert = TestKeyStores.generateKey("CN=Postmottak benchmark", dir.resolve("key.p12"), PASSWORD,
                "bench", dir.resolve("cert.pem"));
        writeRandom(plain, bytes);
        CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(cert,
                new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                                PSource.PSpecified.DEFAULT))));
        try (InputStream in = Files.newInputStream(plain);
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve("payload.cms")), STEP);
             OutputStream encrypting = generator.open(file,
                     new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build())) {
            in.transferTo(encrypting);
        }
    }

    private static void writeRandom(Path file, long bytes) throws Exception {
        SplittableRandom random = new SplittableRandom(20261126);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[STEP];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long r = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        buf[i + j] = (byte) (r >>> (8 * j));
                    }
                }
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
            }
        }
        Files.writeString(file.resolveSibling("plain.sha256"), HexFormat.of().formatHex(sha.digest()));
    }

    /** Our key store holding the benchmark key, loaded through the same path as a configured key. */
    static KeyStoreService keyStore(Path dir) {
        return TestKeyStores.store("").withKeystore(dir.resolve("key.p12"), PASSWORD, null);
    }

    static X509Certificate certificate(Path dir) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("cert.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
