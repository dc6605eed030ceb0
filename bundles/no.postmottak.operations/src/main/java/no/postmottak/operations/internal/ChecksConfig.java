package no.postmottak.operations.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the health checks (PID {@code no.postmottak.operations}); every attribute has a working default. */
@ObjectClassDefinition(name = "Postmottak helsesjekker", description = "Grensene helsesjekkene, varslene og "
        + "metrikkene bruker")
public @interface ChecksConfig {

    String PID = "no.postmottak.operations";

    @AttributeDefinition(name = "Ubehandlet post (minutter)", description = "Post som har ventet lenger enn dette "
            + "uten at noen har arkivert, videresendt eller slettet den, gir rød helsesjekk og varsel")
    int untouched_limit_minutes() default 120;

    @AttributeDefinition(name = "Maks tid uten vellykket henting (sekunder)", description = "Brukes bare for "
            + "kanaler som ikke oppgir hentingsintervallet sitt; ellers er grensen to ganger intervallet")
    int channel_max_silence_seconds() default 1800;

    @AttributeDefinition(name = "Varsle om sertifikater som går ut innen (dager)")
    int certificate_warning_days() default 30;

    @AttributeDefinition(name = "DataSource-filter", description = "Databasen innboksen bruker "
            + "(pax-jdbc-config: dataSourceName)")
    String dataSource_target() default "(dataSourceName=postmottak)";
}
