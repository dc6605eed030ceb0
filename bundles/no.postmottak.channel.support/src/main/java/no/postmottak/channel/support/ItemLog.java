package no.postmottak.channel.support;

import org.slf4j.MDC;

/**
 * The SLF4J MDC keys that tie a log line to one item, so an operator can follow one letter through the log. Open
 * around the per-item work; closing removes the keys again.
 */
public final class ItemLog implements AutoCloseable {

    /** The channel, e.g. {@code SvarInn} or {@code eFormidling}. */
    public static final String CHANNEL = "postmottak.channel";
    /** The channel account's configuration name. */
    public static final String ACCOUNT = "postmottak.account";
    /** The forsendelse id (SvarInn) or message id (eFormidling). */
    public static final String ITEM = "postmottak.item";

    private final MDC.MDCCloseable channel;
    private final MDC.MDCCloseable account;
    private final MDC.MDCCloseable item;

    private ItemLog(String channel, String account, String item) {
        this.channel = MDC.putCloseable(CHANNEL, channel);
        this.account = MDC.putCloseable(ACCOUNT, account);
        this.item = MDC.putCloseable(ITEM, item);
    }

    /** Puts the three keys into the MDC until {@link #close()}. */
    public static ItemLog open(String channel, String account, String itemId) {
        return new ItemLog(channel, account, itemId);
    }

    @Override
    public void close() {
        item.close();
        account.close();
        channel.close();
    }
}
