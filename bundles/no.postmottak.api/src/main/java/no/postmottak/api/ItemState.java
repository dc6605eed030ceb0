package no.postmottak.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an item is in the clerk's work. Transitions:
 * <pre>
 * RECEIVED ──archive──▶ ARCHIVING ──▶ ARCHIVED
 *    │                      │
 *    │                      └──▶ ARCHIVE_FAILED ──retry──▶ ARCHIVING
 *    ├──delete──▶ DELETED            (also from ARCHIVE_FAILED)
 *    └──forward─▶ FORWARDED          (also from ARCHIVE_FAILED)
 * </pre>
 * ARCHIVED, DELETED and FORWARDED are final.
 */
public enum ItemState {
    RECEIVED, ARCHIVING, ARCHIVE_FAILED, ARCHIVED, DELETED, FORWARDED;

    /** The states a clerk can still act on. */
    public static final Set<ItemState> OPEN = EnumSet.of(RECEIVED, ARCHIVE_FAILED);

    /** Whether the clerk's actions may move an item from this state to {@code target}. */
    public boolean canMoveTo(ItemState target) {
        return switch (this) {
            case RECEIVED, ARCHIVE_FAILED -> target == ARCHIVING || target == DELETED || target == FORWARDED;
            case ARCHIVING -> target == ARCHIVED || target == ARCHIVE_FAILED;
            case ARCHIVED, DELETED, FORWARDED -> false;
        };
    }

    /** Whether nothing more can happen to the item. */
    public boolean isFinal() {
        return this == ARCHIVED || this == DELETED || this == FORWARDED;
    }
}
