package no.postmottak.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of mail as a channel received it, before the inbox stores it. The documents travel separately, as
 * streams (see {@code no.postmottak.api.inbox.Inbox#accept}).
 *
 * @param channel            the transport it came through
 * @param channelId          the channel's own id (SvarInn forsendelse id); with {@code channel} the idempotency key
 * @param recipientOrgnr     which of our organisations it is addressed to
 * @param sender             who sent it (SvarInn: {@code svarSendesTil}, falling back to {@code avsender})
 * @param recipient          the addressee as the sender wrote it, may be null
 * @param title              the sender's title, never null
 * @param sentAt             when the sender sent it, may be null
 * @param securityLevel      security level (nivå, 3 or 4), or null
 * @param forsendelseType    the sender's type for routing, or null
 * @param eksternRef         the sender's external reference, or null
 * @param replyToChannelId   the channel id of the mail this one answers (SvarInn {@code svarPaForsendelse}), or null
 * @param senderMetadata     the sender's own registration, may be null
 * @param importSuggestion   the sender's filing suggestion for us, may be null
 * @param links              links the sender included, never null
 * @param channelAttributes  further channel-specific values worth keeping (never secrets), never null
 * @param confidential       the sender marked it as subject to a duty of confidentiality (taushetsbelagt): only
 *                           users entitled to confidential mail of the recipient organisation may see its content
 * @since 1.3 {@code confidential}
 */
public record IncomingItem(Channel channel, String channelId, String recipientOrgnr, Party sender, Party recipient,
                           String title, Instant sentAt, Integer securityLevel, String forsendelseType,
                           String eksternRef, String replyToChannelId, SenderMetadata senderMetadata,
                           ImportSuggestion importSuggestion, List<Link> links,
                           Map<String, String> channelAttributes, boolean confidential) {

    public IncomingItem {
        Objects.requireNonNull(channel, "channel");
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("An incoming item needs the channel's id");
        }
        if (recipientOrgnr == null || recipientOrgnr.isBlank()) {
            throw new IllegalArgumentException("Item " + channelId + " has no recipient organisation number");
        }
        sender = sender == null ? new Party(null, null, null, null, null, null, null) : sender;
        title = title == null ? "" : title;
        links = links == null ? List.of() : List.copyOf(links);
        channelAttributes = channelAttributes == null ? Map.of() : Map.copyOf(channelAttributes);
    }

    /** An item that is not confidential (the constructor of 1.2, kept for channels that know no such marking). */
    public IncomingItem(Channel channel, String channelId, String recipientOrgnr, Party sender, Party recipient,
                        String title, Instant sentAt, Integer securityLevel, String forsendelseType,
                        String eksternRef, String replyToChannelId, SenderMetadata senderMetadata,
                        ImportSuggestion importSuggestion, List<Link> links, Map<String, String> channelAttributes) {
        this(channel, channelId, recipientOrgnr, sender, recipient, title, sentAt, securityLevel, forsendelseType,
                eksternRef, replyToChannelId, senderMetadata, importSuggestion, links, channelAttributes, false);
    }
}
