package no.postmottak.svarinn.internal;

/**
 * What to tell SvarUt about a forsendelse we cannot receive. A permanent {@code mottakFeilet} makes SvarUt deliver it
 * through Altinn or print instead, so it is only sent after {@code permanentAfterAttempts} failed attempts (0: never;
 * the item then waits for an operator). Temporary reports only show up in the sender's log.
 *
 * @param permanentAfterAttempts failed attempts after which the failure is reported as permanent; 0 for never
 * @param reportTemporary        whether to send a temporary {@code mottakFeilet} for the attempts before that
 */
public record FailurePolicy(int permanentAfterAttempts, boolean reportTemporary) {

    public static final FailurePolicy DEFAULT = new FailurePolicy(3, true);

    public FailurePolicy {
        if (permanentAfterAttempts < 0) {
            throw new IllegalArgumentException("permanentAfterAttempts must be 0 (never) or more");
        }
    }

    boolean isPermanent(int attempts) {
        return permanentAfterAttempts > 0 && attempts >= permanentAfterAttempts;
    }
}
