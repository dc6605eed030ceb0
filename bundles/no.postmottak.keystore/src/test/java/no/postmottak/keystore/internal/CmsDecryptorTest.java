package no.postmottak.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import no.postmottak.api.keystore.DecryptionException;

/** Payloads in SvarUt's exact form, produced with Bouncy Castle, and the ways they can be broken. */
class CmsDecryptorTest {

    private static final String SVARUT_OAEP = "303c06092a864886f70d010107302fa00f300d06096086480165030402010500a11c"
            + "301a06092a864886f70d010108300d06096086480165030402010500";
    /** End-of-contents pairs after the last chunk: [0], EncryptedContentInfo, EnvelopedData, [0], ContentInfo. */
    private static final int TRAILER = 10;

    private static KeyPair pair;
    private static X509Certificate cert;
    private static CmsDecryptor decryptor;

    @BeforeAll
    static void keys() throws Exception {
        pair = TestPki.rsa();
        cert = TestPki.selfSigned(pair, "CN=Postmottak test, O=Kommune", 0x7F01);
        KeyRing keys = new KeyRing();
        keys.add(loaded(pair, cert));
        decryptor = new CmsDecryptor(keys);
    }

    private static CmsDecryptor decryptor() {
        return decryptor;
    }

    static KeyEntry loaded(KeyPair keyPair, X509Certificate certificate) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keys");
        java.nio.file.Path p12 = TestPki.writePkcs12(dir.resolve("k.p12"), "k", keyPair, certificate,
                "pw".toCharArray());
        KeyEntry entry = KeyEntry.load(KeySource.keystore("k-" + certificate.getSerialNumber(), "acc", List.of(),
                p12, "pw".toCharArray(), null));
        assertThat(entry.problem()).isNull();
        return entry;
    }

    private static byte[] plaintext(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 999, 1000, 1001, 65536, 250_003})
    void svarUtFormRoundTrips(int size) throws Exception {
        byte[] data = plaintext(size);
        byte[] cms = TestPki.encryptSvarUt(data, cert);
        assertThat(Hex.toHexString(cms)).startsWith("3080").contains(SVARUT_OAEP).endsWith("00000000000000000000");
        if (size > 1000) {
            assertThat(Hex.toHexString(cms)).contains("048203e8"); // 1000-byte OCTET STRING chunks
        }
        assertThat(decrypt(cms)).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 5000, 3 * 1024 * 1024})
    void definiteLengthDerRoundTrips(int size) throws Exception {
        byte[] data = plaintext(size);
        byte[] der = TestPki.encryptDer(data, cert);
        assertThat(Hex.toHexString(der, 0, 2)).isNotEqualTo("3080");
        assertThat(decrypt(der)).isEqualTo(data);
    }

    @Test
    void definiteLengthConstructedContentRoundTrips() throws Exception {
        byte[] data = plaintext(5000);
        EnvelopedData ed = EnvelopedData.getInstance(
                ContentInfo.getInstance(ASN1Primitive.fromByteArray(TestPki.encryptDer(data, cert))).getContent());
        EncryptedContentInfo eci = ed.getEncryptedContentInfo();
        byte[] ciphertext = eci.getEncryptedContent().getOctets();
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int off = 0; off < ciphertext.length; off += 700) {
            chunks.writeBytes(new DEROctetString(Arrays.copyOfRange(ciphertext, off,
                    Math.min(ciphertext.length, off + 700))).getEncoded());
        }
        byte[] content = tlv(0xA0, chunks.toByteArray());
        byte[] eciBytes = tlv(0x30, concat(eci.getContentType().getEncoded(),
                eci.getContentEncryptionAlgorithm().getEncoded(), content));
        byte[] edBytes = tlv(0x30, concat(ed.getVersion().getEncoded(), ed.getRecipientInfos().getEncoded(),
                eciBytes));
        byte[] cms = tlv(0x30, concat(CMSObjectIdentifiers.envelopedData.getEncoded(), tlv(0xA0, edBytes)));
        assertThat(decrypt(cms)).isEqualTo(data);
    }

    /** Tag, 3-byte long-form length, value: framing built by hand, as BC never writes a chunked definite [0]. */
    private static byte[] tlv(int tag, byte[] value) {
        return concat(new byte[] {(byte) tag, (byte) 0x83, (byte) (value.length >>> 16), (byte) (value.length >>> 8),
            (byte) value.length}, value);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void trailingZeroBytesAreTolerated() throws Exception {
        byte[] data = plaintext(3000);
        byte[] cms = TestPki.encryptSvarUt(data, cert);
        byte[] padded = Arrays.copyOf(cms, cms.length + 8);
        assertThat(decrypt(padded)).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 300, 700, 1500, 2016, 2022, 2030})
    void truncationFails(int keep) throws Exception {
        byte[] cms = TestPki.encryptSvarUt(plaintext(2000), cert); // ciphertext 2016 bytes: chunks 1000, 1000, 16
        int cut = keep >= 2000 ? cms.length - TRAILER - (2030 - keep) : keep;
        assertThatThrownBy(() -> decrypt(Arrays.copyOf(cms, cut))).isInstanceOf(DecryptionException.class)
                .hasMessageNotContaining("pw");
    }

    @Test
    void truncatedAtChunkBoundaryFails() throws Exception {
        byte[] cms = TestPki.encryptSvarUt(plaintext(2500), cert); // chunks 1000, 1000, 512
        int lastChunk = cms.length - TRAILER - 512 - 4;           // 04 82 02 00 header of the last chunk
        assertThat(Hex.toHexString(cms, lastChunk, 4)).isEqualTo("04820200");
        assertThatThrownBy(() -> decrypt(Arrays.copyOf(cms, lastChunk))).isInstanceOf(DecryptionException.class);
    }

    @Test
    void corruptLastBlockFails() throws Exception {
        byte[] cms = TestPki.encryptSvarUt(plaintext(3000), cert);
        // Flipping the last byte of the second-to-last ciphertext block flips the padding byte of the last block.
        cms[cms.length - TRAILER - 17] ^= (byte) 0xFF;
        assertThatThrownBy(() -> decrypt(cms)).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("corrupt or truncated");
        try (InputStream plain = decryptor().decrypt(new ByteArrayInputStream(cms))) {
            assertThatThrownBy(plain::readAllBytes).isInstanceOf(DecryptionException.class);
            assertThatThrownBy(plain::read).as("no clean end after a failure").isInstanceOf(DecryptionException.class);
        }
    }

    @Test
    void garbageHeaderFails() {
        byte[] garbage = plaintext(5000);
        garbage[0] = 0x30;
        assertThatThrownBy(() -> decrypt(garbage)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> decrypt("hello, not CMS".getBytes())).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("Not");
        assertThatThrownBy(() -> decrypt(new byte[0])).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void otherCmsTypesAreRejected() throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(CMSObjectIdentifiers.data);
        v.add(new DERTaggedObject(true, 0, new DEROctetString(new byte[10])));
        byte[] data = new DERSequence(v).getEncoded(ASN1Encoding.DER);
        assertThatThrownBy(() -> decrypt(data)).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("Not CMS EnvelopedData");
    }

    @Test
    void sourceFailuresPassThroughUnchanged() throws Exception {
        byte[] cms = TestPki.encryptSvarUt(plaintext(200_000), cert);
        IOException networkError = new IOException("connection reset");
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(cms)) {
            int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 100_000) {
                    throw networkError;
                }
                int n = super.read(b, off, Math.min(len, 4096));
                read += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> decryptor().decrypt(failing).readAllBytes()).isSameAs(networkError);
    }

    @Test
    void closingThePlaintextClosesTheSource() throws Exception {
        boolean[] closed = {false};
        InputStream source = new FilterInputStream(new ByteArrayInputStream(TestPki.encryptSvarUt(plaintext(10),
                cert))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        decryptor().decrypt(source).close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void rolloverPicksTheKeyTheRecipientNames() throws Exception {
        KeyPair next = TestPki.rsa();
        X509Certificate nextCert = TestPki.selfSigned(next, "CN=Postmottak test, O=Kommune", 0x7F02);
        KeyRing keys = new KeyRing();
        keys.add(loaded(pair, cert));
        keys.add(loaded(next, nextCert));
        CmsDecryptor both = new CmsDecryptor(keys);
        byte[] data = plaintext(4000);
        for (X509Certificate recipient : List.of(cert, nextCert)) {
            try (InputStream plain = both.decrypt(new ByteArrayInputStream(TestPki.encryptSvarUt(data, recipient)))) {
                assertThat(plain.readAllBytes()).isEqualTo(data);
            }
        }
    }

    /**
     * SvarUt's 1000-byte chunks are a million element headers per GiB: reading them must not allocate per chunk (as
     * objects they were most of what a 1 GiB download allocated, issue 17). 32 MiB: ~3.4 MB allocated before.
     */
    @Test
    void decryptingAllocatesNothingPerChunk() throws Exception {
        byte[] cms = TestPki.encryptSvarUt(plaintext(32 * 1024 * 1024), cert);
        decrypt(TestPki.encryptSvarUt(plaintext(5000), cert)); // classes loaded
        byte[] buffer = new byte[64 * 1024];
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long total = 0;
        try (InputStream plain = decryptor().decrypt(new ByteArrayInputStream(cms))) {
            for (int n; (n = plain.read(buffer)) > 0; ) {
                total += n;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(total).isEqualTo(32 * 1024 * 1024);
        assertThat(allocated).as("bytes allocated decrypting 32 MiB").isLessThan(1024 * 1024);
    }

    private static byte[] decrypt(byte[] cms) throws Exception {
        try (InputStream plain = decryptor().decrypt(new ByteArrayInputStream(cms))) {
            return plain.readAllBytes();
        }
    }
}
