package no.postmottak.inbox.internal;

import java.sql.SQLException;

import no.postmottak.api.inbox.InboxException;

/**
 * "Update, else insert" on H2 and PostgreSQL alike (no MERGE dialects): two nodes inserting the same new row at once
 * make one of them fail on the unique key; its transaction is rolled back and the work runs again, now finding the
 * row to update.
 */
final class Upsert {

    private static final int TRIES = 3;

    private Upsert() {
    }

    static <T> T run(Db db, Db.Work<T> work) throws InboxException {
        for (int i = 1; ; i++) {
            try {
                return db.write(work);
            } catch (InboxException e) {
                if (i >= TRIES || !(e.getCause() instanceof SQLException sql && Db.isUniqueViolation(sql))) {
                    throw e;
                }
            }
        }
    }
}
