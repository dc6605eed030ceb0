package no.postmottak.operations.internal;

import java.util.Objects;

/**
 * One thing a health check found, in Norwegian for operators. Findings other than {@link Level#OK} are conditions:
 * the alerts mail once when one with a given {@code key} starts and once when it ends.
 *
 * @param area    which check found it
 * @param level   how bad it is
 * @param key     identifies the condition across evaluations (e.g. {@code kanal:SvarInn/kommune}); never a secret
 * @param account the channel account it concerns (for per-account alert recipients), or null
 * @param title   a short line for a mail subject
 * @param text    what is wrong (or fine), with org numbers and ids at most — no secrets, no personal data
 * @param advice  what to do, or empty
 */
record Finding(Area area, Level level, String key, String account, String title, String text, String advice) {

    /** How bad a finding is; the health check result takes the worst. */
    enum Level { OK, WARN, CRITICAL }

    /** The checks, each a Felix health check of its own. */
    enum Area {
        DATABASE(Checks.DATABASE),
        CHANNELS(Checks.CHANNELS),
        KEYS(Checks.KEYS),
        CERTIFICATES(Checks.CERTIFICATES),
        UNTOUCHED(Checks.UNTOUCHED),
        ARCHIVE_TARGETS(Checks.ARCHIVE_TARGETS);

        /** The health check's name ({@code hc.name}), as operators see it. */
        final String checkName;

        Area(String checkName) {
            this.checkName = checkName;
        }

        /** Conditions that often clear by themselves (a restart, a network blip) wait before anyone is mailed. */
        boolean alertDelayed() {
            return this == DATABASE || this == CHANNELS || this == KEYS || this == ARCHIVE_TARGETS;
        }

        /**
         * Conditions every node of a cluster sees alike, so one node mails them: old mail (one shared database) and a
         * certificate's expiry (the same certificate on every node). The rest is each node's own view: its database
         * connection, the channel accounts it works (only the lease holder's account can fail or lack a key), the
         * key files and archive providers it has loaded; those are mailed by the node that sees them.
         */
        boolean sharedByNodes() {
            return this == CERTIFICATES || this == UNTOUCHED;
        }
    }

    Finding {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(key, "key");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        advice = advice == null ? "" : advice;
    }

    static Finding ok(Area area, String key, String text) {
        return new Finding(area, Level.OK, key, null, text, text, "");
    }

    boolean isProblem() {
        return level != Level.OK;
    }
}
