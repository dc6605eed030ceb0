package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.KeyTransRecipientId;

/**
 * A private key with its certificate; the certificate is what CMS recipients are matched against. The private key
 * stays inside this bundle; {@link #toString()} shows only the certificate.
 */
final class LoadedKey {

    private final String alias;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final X509CertificateHolder holder;

    /** @param alias the entry's alias in its key store, or null for a PEM key */
    LoadedKey(String alias, PrivateKey privateKey, X509Certificate certificate) {
        this.alias = alias;
        this.privateKey = privateKey;
        this.certificate = certificate;
        try {
            this.holder = new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new UncheckedIOException(new IOException("Unreadable certificate: " + e.getMessage()));
        }
    }

    /** The key store alias, or null for a PEM key. */
    public String alias() {
        return alias;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Whether the CMS recipient (issuer + serial, or subject key identifier) names this key's certificate. */
    public boolean matches(KeyTransRecipientId recipient) {
        return recipient.match(holder);
    }

    public String subject() {
        return holder.getSubject().toString();
    }

    public String issuer() {
        return holder.getIssuer().toString();
    }

    public String serialHex() {
        return holder.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "LoadedKey[alias=" + alias + ", subject=" + subject() + ", issuer=" + issuer() + ", serial=" + serialHex()
                + ", notAfter=" + notAfter() + "]";
    }
}
