package no.postmottak.operations.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/** Health check: every configured organisation's archive target is there. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + Checks.ARCHIVE_TARGETS,
        HealthCheck.TAGS + "=" + Checks.TAG})
public class ArchiveTargetsCheck extends Checks.Base {

    @Activate
    public ArchiveTargetsCheck(@Reference Watch watch) {
        super(watch, Area.ARCHIVE_TARGETS);
    }
}
