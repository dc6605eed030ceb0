package no.postmottak.web.internal;

import java.util.List;

/**
 * Extension point for the administration page: other bundles register services of this type (for example the
 * SvarInn account status) and their lines are shown under their title. Internal for now: the lead moves it to the
 * API (with {@code @ConsumerType}) when the first contributor outside this bundle arrives.
 */
public interface StatusContributor {

    /** One line of status. {@code ok=false} is highlighted. Never a secret. */
    record StatusLine(String label, String value, boolean ok) {
    }

    /** The heading on the administration page, e.g. "SvarInn-kontoer". */
    String title();

    /** The current status; called on every page view, so keep it cheap. */
    List<StatusLine> status();
}
