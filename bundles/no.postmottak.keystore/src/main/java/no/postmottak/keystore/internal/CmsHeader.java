package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import no.postmottak.api.keystore.DecryptionException;

/**
 * The head of a CMS EnvelopedData stream (BER indefinite or DER definite length): the key-transport recipients, the
 * content algorithm and the still unread ciphertext. {@link BerReader} walks the framing; Bouncy Castle decodes the
 * small elements.
 *
 * @param recipients       the KeyTransRecipientInfos (SvarUt sends exactly one)
 * @param contentAlgorithm the content encryption algorithm with its IV
 * @param ciphertext       the encrypted content, streamed chunk by chunk
 */
record CmsHeader(List<KeyTransRecipientInfo> recipients, AlgorithmIdentifier contentAlgorithm,
                 InputStream ciphertext) {

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OID = 0x06;
    private static final int INTEGER = 0x02;
    private static final int CONTEXT_0_CONSTRUCTED = 0xA0;
    private static final int CONTEXT_0_PRIMITIVE = 0x80;
    /** Header elements are small; a bigger one means a corrupt or hostile stream. */
    private static final int ELEMENT_LIMIT = 1 << 20;

    static CmsHeader read(InputStream in) throws IOException {
        BerReader reader = new BerReader(in);
        BerReader.Header first = reader.readHeader();
        if (first == null) {
            throw new DecryptionException("Not CMS: the stream is empty");
        }
        if (first.tag() != SEQUENCE) {
            throw new DecryptionException("Not CMS: the stream does not start with an ASN.1 SEQUENCE");
        }
        ASN1ObjectIdentifier type = ASN1ObjectIdentifier.getInstance(decode(reader, reader.expect(OID, "an OID")));
        if (!CMSObjectIdentifiers.envelopedData.equals(type)) {
            throw new DecryptionException("Not CMS EnvelopedData: content type " + type);
        }
        reader.expect(CONTEXT_0_CONSTRUCTED, "[0] content");
        reader.expect(SEQUENCE, "EnvelopedData");
        reader.skip(reader.expect(INTEGER, "version"));
        BerReader.Header next = reader.readHeader();
        if (next != null && next.tag() == CONTEXT_0_CONSTRUCTED) { // originatorInfo: not needed
            reader.skip(next);
            next = reader.readHeader();
        }
        if (next == null || next.tag() != SET) {
            throw new DecryptionException("Not CMS EnvelopedData: no recipientInfos");
        }
        List<KeyTransRecipientInfo> recipients = recipients(ASN1Set.getInstance(decode(reader, next)));
        reader.expect(SEQUENCE, "EncryptedContentInfo");
        reader.skip(reader.expect(OID, "the content type"));
        AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(
                decode(reader, reader.expect(SEQUENCE, "the content encryption algorithm")));
        BerReader.Header content = reader.readHeader();
        if (content == null || (content.tag() != CONTEXT_0_CONSTRUCTED && content.tag() != CONTEXT_0_PRIMITIVE)) {
            throw new DecryptionException("CMS EnvelopedData without encrypted content (detached) is not supported");
        }
        return new CmsHeader(recipients, algorithm, new ContentOctets(reader, content));
    }

    private static ASN1Primitive decode(BerReader reader, BerReader.Header header) throws IOException {
        return ASN1Primitive.fromByteArray(reader.element(header, ELEMENT_LIMIT));
    }

    private static List<KeyTransRecipientInfo> recipients(ASN1Set set) throws DecryptionException {
        List<KeyTransRecipientInfo> result = new ArrayList<>();
        for (ASN1Encodable element : set) {
            RecipientInfo recipient = RecipientInfo.getInstance(element);
            if (recipient.getInfo() instanceof KeyTransRecipientInfo keyTrans) {
                result.add(keyTrans);
            }
        }
        if (result.isEmpty()) {
            throw new DecryptionException("CMS EnvelopedData has no key-transport (RSA) recipient");
        }
        return result;
    }
}
