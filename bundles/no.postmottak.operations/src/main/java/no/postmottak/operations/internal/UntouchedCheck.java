package no.postmottak.operations.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/** Health check: no open mail has waited untouched longer than the limit. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + Checks.UNTOUCHED,
        HealthCheck.TAGS + "=" + Checks.TAG})
public class UntouchedCheck extends Checks.Base {

    @Activate
    public UntouchedCheck(@Reference Watch watch) {
        super(watch, Area.UNTOUCHED);
    }
}
