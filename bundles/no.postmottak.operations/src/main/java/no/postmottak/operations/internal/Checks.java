package no.postmottak.operations.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/**
 * Postmottak's Felix health checks, tagged {@value #TAG}: one {@link HealthCheck} service per {@link Area}, each
 * reporting {@link Watch#findings(Area)} with what to do. One component registers them all, so a check can never be
 * left out; they come and go with the {@link Watch} they read.
 */
@Component(service = {})
public class Checks {

    /** The tag every Postmottak health check carries ({@code /system/health/postmottak.json}). */
    static final String TAG = "postmottak";

    /** The checks' names ({@code hc.name}), as operators see them. */
    static final String DATABASE = "Database";
    static final String CHANNELS = "Kanaler";
    static final String KEYS = "Nøkler";
    static final String CERTIFICATES = "Sertifikater";
    static final String UNTOUCHED = "Ubehandlet post";
    static final String ARCHIVE_TARGETS = "Arkivmål";

    private final List<ServiceRegistration<HealthCheck>> registrations = new ArrayList<>();

    @Activate
    public Checks(@Reference Watch watch, BundleContext context) {
        for (Area area : Area.values()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(HealthCheck.NAME, area.checkName);
            properties.put(HealthCheck.TAGS, new String[] {TAG});
            registrations.add(context.registerService(HealthCheck.class, () -> result(watch.findings(area)),
                    properties));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
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
}
