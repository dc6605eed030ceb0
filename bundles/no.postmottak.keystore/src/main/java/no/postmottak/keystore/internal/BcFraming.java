package no.postmottak.keystore.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetStringParser;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1SetParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.cms.EncryptedContentInfoParser;
import org.bouncycastle.asn1.cms.EnvelopedDataParser;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import no.postmottak.api.keystore.DecryptionException;

/**
 * The same {@link CmsHeader} as {@link CmsHeader#read}, walked by Bouncy Castle's ASN.1 stream parser behind a
 * 64 KiB buffer; the ciphertext is BC's octet stream over the content's OCTET STRING chunks.
 */
final class BcFraming {

    private static final int BUFFER = 64 * 1024;

    private BcFraming() {
    }

    static CmsHeader read(InputStream in) throws IOException {
        ASN1StreamParser parser = new ASN1StreamParser(new BufferedInputStream(in, BUFFER));
        ASN1Encodable first = parser.readObject();
        if (first == null) {
            throw new DecryptionException("Not CMS: the stream is empty");
        }
        if (!(first instanceof ASN1SequenceParser contentInfo)) {
            throw new DecryptionException("Not CMS: the stream does not start with an ASN.1 SEQUENCE");
        }
        ContentInfoParser info = new ContentInfoParser(contentInfo);
        ASN1ObjectIdentifier type = info.getContentType();
        if (!CMSObjectIdentifiers.envelopedData.equals(type)) {
            throw new DecryptionException("Not CMS EnvelopedData: content type " + type);
        }
        EnvelopedDataParser enveloped = new EnvelopedDataParser(
                (ASN1SequenceParser) info.getContent(BERTags.SEQUENCE));
        List<KeyTransRecipientInfo> recipients = recipients(enveloped.getRecipientInfos());
        EncryptedContentInfoParser encrypted = enveloped.getEncryptedContentInfo();
        AlgorithmIdentifier algorithm = encrypted.getContentEncryptionAlgorithm();
        ASN1OctetStringParser content = (ASN1OctetStringParser) encrypted.getEncryptedContent(BERTags.OCTET_STRING);
        if (content == null) {
            throw new DecryptionException("CMS EnvelopedData without encrypted content (detached) is not supported");
        }
        return new CmsHeader(recipients, algorithm, content.getOctetStream());
    }

    private static List<KeyTransRecipientInfo> recipients(ASN1SetParser set) throws IOException {
        List<KeyTransRecipientInfo> result = new ArrayList<>();
        for (ASN1Encodable element; (element = set.readObject()) != null; ) {
            RecipientInfo recipient = RecipientInfo.getInstance(element.toASN1Primitive());
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
