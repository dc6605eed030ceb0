package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a private key and its certificate from a PKCS#12 or JKS file. The type is detected from the file's first
 * bytes, so operators need not configure it. The JDK's own key store implementations read modern and legacy PKCS#12
 * (PBES2/AES as well as RC2-40 and 3DES bags).
 */
final class KeystoreFileReader {

    private static final int JKS_MAGIC = 0xFEEDFEED;
    private static final int JCEKS_MAGIC = 0xCECECECE;

    private KeystoreFileReader() {
    }

    static LoadedKey read(Path file, char[] password, String alias) throws KeyLoadException {
        KeyStore store = open(file, password);
        String chosen = chooseAlias(store, file, alias);
        try {
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new KeyLoadException("Oppføringen «" + chosen + "» i " + file + " har ingen privat nøkkel");
            }
            Certificate certificate = store.getCertificate(chosen);
            if (!(certificate instanceof X509Certificate x509)) {
                throw new KeyLoadException("Oppføringen «" + chosen + "» i " + file + " har ikke noe X.509-sertifikat");
            }
            return new LoadedKey(chosen, privateKey, x509);
        } catch (UnrecoverableKeyException e) {
            throw new KeyLoadException("Feil nøkkelpassord for oppføringen «" + chosen + "» i " + file
                    + " (nøkkelens passord må være det samme som keystore.password)");
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException("Kan ikke lese oppføringen «" + chosen + "» i " + file + ": " + e.getMessage());
        }
    }

    private static KeyStore open(Path file, char[] password) throws KeyLoadException {
        String type = detectType(file);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyLoadException("Feil passord for " + type + "-nøkkellageret " + file
                        + " (eller filen er skadet)");
            }
            throw new KeyLoadException("Kan ikke lese " + type + "-nøkkellageret " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException("Kan ikke lese " + type + "-nøkkellageret " + file + ": " + e.getMessage());
        }
    }

    static String detectType(Path file) throws KeyLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            int magic = head.length < 4 ? 0
                    : (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
            return magic == JKS_MAGIC ? "JKS" : magic == JCEKS_MAGIC ? "JCEKS" : "PKCS12";
        } catch (NoSuchFileException e) {
            throw new KeyLoadException("Finner ikke nøkkellagerfilen " + file);
        } catch (IOException e) {
            throw new KeyLoadException("Kan ikke lese nøkkellagerfilen " + file + ": " + e);
        }
    }

    private static String chooseAlias(KeyStore store, Path file, String alias) throws KeyLoadException {
        try {
            List<String> keys = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
            if (alias != null) {
                if (!store.containsAlias(alias) || !store.isKeyEntry(alias)) {
                    throw new KeyLoadException("Aliaset «" + alias + "» finnes ikke i " + file + "; nøkkeloppføringene er "
                            + keys);
                }
                return alias;
            }
            if (keys.size() != 1) {
                throw new KeyLoadException(file + " har " + keys.size() + " nøkkeloppføringer " + keys
                        + "; angi keystore.alias");
            }
            return keys.get(0);
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException("Kan ikke liste oppføringene i " + file + ": " + e.getMessage());
        }
    }
}
