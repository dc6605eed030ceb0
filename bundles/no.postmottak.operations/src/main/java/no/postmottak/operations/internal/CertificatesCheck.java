package no.postmottak.operations.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/** Health check: no certificate expires within the warning period. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + Checks.CERTIFICATES,
        HealthCheck.TAGS + "=" + Checks.TAG})
public class CertificatesCheck extends Checks.Base {

    @Activate
    public CertificatesCheck(@Reference Watch watch) {
        super(watch, Area.CERTIFICATES);
    }
}
