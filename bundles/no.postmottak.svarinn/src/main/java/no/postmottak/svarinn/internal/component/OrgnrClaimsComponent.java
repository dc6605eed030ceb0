package no.postmottak.svarinn.internal.component;

import org.osgi.service.component.annotations.Component;

import no.postmottak.svarinn.internal.OrgnrClaims;

/** The one registry of which account fetches which org number, shared by all account components of this bundle. */
@Component(service = OrgnrClaimsComponent.class)
public class OrgnrClaimsComponent {

    private final OrgnrClaims claims = new OrgnrClaims();

    public OrgnrClaims claims() {
        return claims;
    }
}
