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
         * Conditions every node of a cluster sees alike (one shared database, the same configuration), so one node
         * mails them. The database is each node's own view, and a channel account is only worked (and failing) on
         * the node that holds its lease: those are mailed by the node that sees them.
         */
        boolean sharedByNodes() {
            return this == KEYS || this == CERTIFICATES || this == UNTOUCHED || this == ARCHIVE_TARGETS;
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
