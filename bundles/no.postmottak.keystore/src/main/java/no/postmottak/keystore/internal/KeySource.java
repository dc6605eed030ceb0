package no.postmottak.keystore.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Where one configured key comes from: a key store file (PKCS#12 or JKS) or a PEM key with its certificate.
 * Plain data built from the configuration; {@link #toString()} never shows the passwords.
 *
 * @param name             configuration name (PID), used in messages
 * @param account          the SvarInn account (mottakersystem) the key serves, may be empty
 * @param orgnrs           organisation numbers it serves
 * @param keystoreFile     PKCS#12 or JKS file, or null
 * @param keystorePassword key store (and key) password, may be empty
 * @param keystoreAlias    alias of the key entry, null or empty when the store holds one key
 * @param pemKeyFile       PEM private key (PKCS#8, PKCS#1 or encrypted), or null
 * @param pemPassphrase    passphrase of an encrypted PEM key, may be empty
 * @param pemCertificate   PEM certificate belonging to the PEM key, or null
 */
public record KeySource(String name, String account, List<String> orgnrs, Path keystoreFile, char[] keystorePassword,
                        String keystoreAlias, Path pemKeyFile, char[] pemPassphrase, Path pemCertificate) {

    public KeySource {
        account = account == null ? "" : account;
        orgnrs = orgnrs == null ? List.of() : List.copyOf(orgnrs);
        keystorePassword = keystorePassword == null ? new char[0] : keystorePassword.clone();
        pemPassphrase = pemPassphrase == null ? new char[0] : pemPassphrase.clone();
        keystoreAlias = keystoreAlias == null || keystoreAlias.isBlank() ? null : keystoreAlias.trim();
    }

    /** A key store source. */
    public static KeySource keystore(String name, String account, List<String> orgnrs, Path file, char[] password,
                                     String alias) {
        return new KeySource(name, account, orgnrs, file, password, alias, null, null, null);
    }

    /** A PEM source. */
    public static KeySource pem(String name, String account, List<String> orgnrs, Path keyFile, char[] passphrase,
                                Path certificate) {
        return new KeySource(name, account, orgnrs, null, null, null, keyFile, passphrase, certificate);
    }

    @Override
    public char[] keystorePassword() {
        return keystorePassword.clone();
    }

    @Override
    public char[] pemPassphrase() {
        return pemPassphrase.clone();
    }

    /** The alias shown to operators: the key store alias or the PEM file name. */
    public String displayAlias() {
        if (keystoreAlias != null) {
            return keystoreAlias;
        }
        Path file = pemKeyFile != null ? pemKeyFile : keystoreFile;
        return file == null ? null : String.valueOf(file.getFileName());
    }

    @Override
    public String toString() {
        return "KeySource[name=" + name + ", account=" + account + ", orgnrs=" + orgnrs
                + (keystoreFile != null ? ", keystore=" + keystoreFile + ", alias=" + keystoreAlias : "")
                + (pemKeyFile != null ? ", pemKey=" + pemKeyFile + ", pemCertificate=" + pemCertificate : "")
                + ", secrets=***]";
    }
}
