package no.postmottak.operations.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import no.postmottak.operations.internal.Finding.Area;

/** Health check: every channel account polled successfully within twice its interval, or is on standby. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + Checks.CHANNELS,
        HealthCheck.TAGS + "=" + Checks.TAG})
public class ChannelsCheck extends Checks.Base {

    @Activate
    public ChannelsCheck(@Reference Watch watch) {
        super(watch, Area.CHANNELS);
    }
}
