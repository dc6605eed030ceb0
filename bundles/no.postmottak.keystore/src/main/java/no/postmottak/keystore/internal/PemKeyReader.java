package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a PEM private key (PKCS#8, PKCS#1, encrypted PKCS#8 or OpenSSL-encrypted PKCS#1) and a PEM certificate.
 * The resulting key is a JDK key; a Bouncy Castle provider <em>instance</em> is used only to decrypt encrypted PEM
 * (PBES2/PBKDF2 variants the JDK lacks) and is never registered globally.
 */
final class PemKeyReader {

    private PemKeyReader() {
    }

    static PrivateKey readKey(Path file, char[] passphrase) throws KeyLoadException {
        Object parsed = parse(file);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                requirePassphrase(file, passphrase);
                return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                                .build(passphrase)));
            }
            if (parsed instanceof PEMEncryptedKeyPair encrypted) {
                requirePassphrase(file, passphrase);
                return converter.getPrivateKey(encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(new BouncyCastleProvider()).build(passphrase))
                        .getPrivateKeyInfo());
            }
        } catch (PKCSException | OperatorCreationException | IOException e) {
            throw new KeyLoadException("Kan ikke dekryptere PEM-nøkkelen " + file + ": feil pem.passphrase (eller skadet fil)");
        }
        throw new KeyLoadException(file + " har ingen privat nøkkel (fant "
                + (parsed == null ? "ingenting" : parsed.getClass().getSimpleName()) + ")");
    }

    static X509Certificate readCertificate(Path file) throws KeyLoadException {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new KeyLoadException("Finner ikke sertifikatfilen " + file);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new KeyLoadException("Kan ikke lese sertifikatet " + file + ": " + e.getMessage());
        }
    }

    private static Object parse(Path file) throws KeyLoadException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        } catch (NoSuchFileException e) {
            throw new KeyLoadException("Finner ikke PEM-nøkkelfilen " + file);
        } catch (IOException | RuntimeException e) {
            throw new KeyLoadException("Kan ikke lese PEM-nøkkelen " + file + ": " + e.getMessage());
        }
    }

    private static void requirePassphrase(Path file, char[] passphrase) throws KeyLoadException {
        if (passphrase.length == 0) {
            throw new KeyLoadException("PEM-nøkkelen " + file + " er kryptert; angi pem.passphrase");
        }
    }
}
