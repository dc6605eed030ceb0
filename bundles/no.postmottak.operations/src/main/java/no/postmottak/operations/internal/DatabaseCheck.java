package no.postmottak.operations.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/** Health check: the inbox's database answers and its schema is migrated. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + Checks.DATABASE,
        HealthCheck.TAGS + "=" + Checks.TAG})
public class DatabaseCheck extends Checks.Base {

    @Activate
    public DatabaseCheck(@Reference Watch watch) {
        super(watch, Area.DATABASE);
    }
}
