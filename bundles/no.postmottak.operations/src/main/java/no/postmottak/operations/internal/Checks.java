package no.postmottak.operations.internal;

import java.util.List;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;

import no.postmottak.operations.internal.Finding.Area;

/**
 * Postmottak's Felix health checks, tagged {@value #TAG}: one per {@link Area}, each a thin DS shell over
 * {@link Watch#findings(Area)}. The result's messages are the findings, each with what to do.
 */
final class Checks {

    /** The tag every Postmottak health check carries ({@code /system/health/postmottak.json}). */
    static final String TAG = "postmottak";

    /** The checks' names ({@code hc.name}), as operators see them. */
    static final String DATABASE = "Database";
    static final String CHANNELS = "Kanaler";
    static final String KEYS = "Nøkler";
    static final String CERTIFICATES = "Sertifikater";
    static final String UNTOUCHED = "Ubehandlet post";
    static final String ARCHIVE_TARGETS = "Arkivmål";

    private Checks() {
    }

    static Result result(List<Finding> findings) {
        ResultLog log = new ResultLog();
        for (Finding f : findings) {
            log.add(new ResultLog.Entry(status(f.level()), f.advice().isEmpty() ? f.text()
                    : f.text() + " Tiltak: " + f.advice()));
        }
        return new Result(log);
    }

    static Result.Status status(Finding.Level level) {
        return switch (level) {
            case OK -> Result.Status.OK;
            case WARN -> Result.Status.WARN;
            case CRITICAL -> Result.Status.CRITICAL;
        };
    }

    /** The base of each check component. */
    abstract static class Base implements HealthCheck {

        private final Watch watch;
        private final Area area;

        Base(Watch watch, Area area) {
            this.watch = watch;
            this.area = area;
        }

        @Override
        public Result execute() {
            return result(watch.findings(area));
        }
    }
}
