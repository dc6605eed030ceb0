package no.postmottak.operations.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metrics endpoint (PID {@code no.postmottak.operations.metrics}). */
@ObjectClassDefinition(name = "Postmottak metrikker", description = "Prometheus-endepunktet; krever innlogging "
        + "(HTTP Basic mot Karaf-brukerne)")
public @interface MetricsConfig {

    String PID = "no.postmottak.operations.metrics";

    @AttributeDefinition(name = "Sti", description = "Adressen under Karafs HTTP-port")
    String osgi_http_whiteboard_servlet_pattern() default "/metrics";

    @AttributeDefinition(name = "JAAS-realm", description = "Karaf-realmen brukernavn og passord sjekkes mot")
    String realm() default "karaf";

    @AttributeDefinition(name = "Roller med tilgang", description = "Brukeren må ha minst én av disse rollene")
    String[] roles() default {"postmottak-metrics", "postmottak-admin"};

    @AttributeDefinition(name = "Rolle-principal-klasser",
            description = "Principal-klassene i JAAS-subjektet som er roller")
    String[] rolePrincipalClasses() default {"org.apache.karaf.jaas.boot.principal.RolePrincipal"};
}
