package no.postmottak.keystore.internal;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Loads the key a {@link KeySource} names and checks that the certificate belongs to it. */
final class KeyLoader {

    private KeyLoader() {
    }

    static LoadedKey load(KeySource source) throws KeyLoadException {
        boolean hasStore = source.keystoreFile() != null;
        boolean hasPem = source.pemKeyFile() != null;
        if (hasStore == hasPem) {
            throw new KeyLoadException("Configure exactly one of keystore.file or pem.key.file");
        }
        LoadedKey key;
        if (hasStore) {
            key = KeystoreFileReader.read(source.keystoreFile(), source.keystorePassword(), source.keystoreAlias());
        } else {
            if (source.pemCertificate() == null) {
                throw new KeyLoadException("pem.certificate.file is required: the certificate is how the key is "
                        + "matched to incoming mail");
            }
            PrivateKey privateKey = PemKeyReader.readKey(source.pemKeyFile(), source.pemPassphrase());
            key = new LoadedKey(null, privateKey, PemKeyReader.readCertificate(source.pemCertificate()));
        }
        checkPair(key.privateKey(), key.certificate().getPublicKey());
        return key;
    }

    /** SvarUt wraps the content key with RSA; the certificate's public key must be the private key's twin. */
    static void checkPair(PrivateKey privateKey, PublicKey publicKey) throws KeyLoadException {
        if (!(privateKey instanceof RSAPrivateKey rsa)) {
            throw new KeyLoadException("Only RSA keys are supported (SvarUt uses RSA-OAEP); found "
                    + privateKey.getAlgorithm());
        }
        if (!(publicKey instanceof RSAPublicKey rsaPublic) || !rsa.getModulus().equals(rsaPublic.getModulus())) {
            throw new KeyLoadException("The certificate does not belong to the private key (public key mismatch)");
        }
        if (rsa instanceof RSAPrivateCrtKey crt && !BigInteger.ZERO.equals(crt.getPublicExponent())
                && !crt.getPublicExponent().equals(rsaPublic.getPublicExponent())) {
            throw new KeyLoadException("The certificate does not belong to the private key (exponent mismatch)");
        }
    }
}
