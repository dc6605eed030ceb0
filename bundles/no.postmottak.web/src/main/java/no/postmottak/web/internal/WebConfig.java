package no.postmottak.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the web inbox (PID {@code no.postmottak.web}); every attribute has a working default. */
@ObjectClassDefinition(name = "Postmottak web", description = "Innlogging og administrasjon i nettinnboksen")
public @interface WebConfig {

    String PID = "no.postmottak.web";

    @AttributeDefinition(name = "JAAS-realm", description = "Karaf-realmen brukerne logger inn mot")
    String realm() default "karaf";

    @AttributeDefinition(name = "Rolle-principal-klasser",
            description = "Principal-klassene i JAAS-subjektet som er roller")
    String[] rolePrincipalClasses() default {"org.apache.karaf.jaas.boot.principal.RolePrincipal"};

    @AttributeDefinition(name = "Øktens levetid uten bruk (minutter)")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Maks antall samtidige økter")
    int maxSessions() default 10_000;

    @AttributeDefinition(name = "Sletting krever egen rolle",
            description = "Når på, kan bare brukere med rollen postmottak-delete (og administratorer) slette post")
    boolean deleteRestricted() default false;

    @AttributeDefinition(name = "Kjente organisasjonsnumre",
            description = "Organisasjonene administratoren ser i oversikten (i tillegg til dem som har ubehandlet post)")
    String[] organisations() default {};

    @AttributeDefinition(name = "Maks mislykkede innlogginger per brukernavn",
            description = "Innenfor vinduet; deretter avvises nye forsøk (HTTP 429) til vinduet er over")
    int loginMaxFailuresPerUser() default 5;

    @AttributeDefinition(name = "Maks mislykkede innlogginger per klientadresse",
            description = "Høyere enn per bruker, fordi et helt kontor kan dele én adresse")
    int loginMaxFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Vindu for mislykkede innlogginger (minutter)")
    int loginFailureWindowMinutes() default 15;

    @AttributeDefinition(name = "Betrodde reverse proxyer",
            description = "IP-adressene til proxyer foran Karaf (slik Karaf ser dem). Bare fra disse brukes "
                    + "X-Forwarded-For (klientens adresse for innloggingsgrensen) og X-Forwarded-Proto (Secure-cookie)")
    String[] trustedProxies() default {};
}
