package no.postmottak.inbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One organisation that receives mail through Postmottak (factory PID {@code no.postmottak.inbox.organisation}). */
@ObjectClassDefinition(name = "Postmottak organisasjon",
        description = "En organisasjon som mottar post: arkivmål, reservesak og videresending på e-post.")
@interface OrganisationConfig {

    @AttributeDefinition(name = "Organisasjonsnummer", description = "Ni siffer")
    String orgnr();

    @AttributeDefinition(name = "Visningsnavn", required = false)
    String displayName() default "";

    @AttributeDefinition(name = "Arkivmål", required = false,
            description = "Navnet (name) på arkivleverandøren organisasjonens post arkiveres i, f.eks. fjordvik-websak. "
                    + "Finnes ingen eller flere med dette navnet, nektes arkivering.")
    String archive_target() default "";

    @AttributeDefinition(name = "Arkivtype (eldre innstilling)", required = false,
            description = "Brukes bare uten arkivmål, og bare så lenge nøyaktig én arkivleverandør av typen "
                    + "(websak, acos-mottak, filesystem) er startet. Bruk arkivmål i stedet.")
    String archive_kind() default "";

    @AttributeDefinition(name = "Reservesak", required = false,
            description = "Saken post arkiveres på når verken saksbehandler eller avsender angir sak, f.eks. 2024/1")
    String fallbackCase() default "";

    @AttributeDefinition(name = "Reservesakens tittel", required = false,
            description = "Vises for saksbehandlerne, f.eks. Fordeling av innkommende post")
    String fallbackCaseTitle() default "";

    @AttributeDefinition(name = "SMTP-tjener", required = false)
    String smtp_host() default "";

    @AttributeDefinition(name = "SMTP-port")
    int smtp_port() default 587;

    @AttributeDefinition(name = "SMTP-brukernavn", required = false)
    String smtp_username() default "";

    @AttributeDefinition(name = "SMTP-passord", type = AttributeType.PASSWORD, required = false,
            description = "Punktum foran (.smtp.password) holder det utenfor tjenesteegenskapene")
    String _smtp_password() default "";

    @AttributeDefinition(name = "SMTP med TLS (STARTTLS påkrevd)")
    boolean smtp_tls() default true;

    @AttributeDefinition(name = "Avsenderadresse for videresending", required = false)
    String smtp_from() default "";

    @AttributeDefinition(name = "Oppbevaring av slettet innhold (timer)",
            description = "0: innholdet fjernes straks ved sletting")
    int deletedContentRetentionHours() default 0;
}
