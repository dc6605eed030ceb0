package no.postmottak.operations.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/** Health check: no channel account lacks a key for its org numbers, and every configured key loads. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + Checks.KEYS,
        HealthCheck.TAGS + "=" + Checks.TAG})
public class KeysCheck extends Checks.Base {

    @Activate
    public KeysCheck(@Reference Watch watch) {
        super(watch, Area.KEYS);
    }
}
