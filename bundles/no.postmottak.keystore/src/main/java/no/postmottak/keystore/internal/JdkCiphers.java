package no.postmottak.keystore.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;

import javax.crypto.Cipher;

/**
 * Ciphers from the JDK's SunJCE provider, whose AES runs on the CPU's AES instructions (intrinsics). Bouncy Castle's
 * pure-Java AES is several times slower, so BC is never registered as a provider and never asked for a cipher here.
 */
final class JdkCiphers {

    private JdkCiphers() {
    }

    static Cipher cipher(String transformation) throws GeneralSecurityException {
        Provider sunJce = Security.getProvider("SunJCE");
        return sunJce != null ? Cipher.getInstance(transformation, sunJce) : Cipher.getInstance(transformation);
    }
}
