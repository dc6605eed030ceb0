package no.postmottak.operations.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** E-mail alerts to operators (PID {@code no.postmottak.operations.alerts}). Without recipients only the log tells. */
@ObjectClassDefinition(name = "Postmottak varsler på e-post", description = "Én e-post når et problem oppstår og én "
        + "når det er løst, til driftsansvarlige")
public @interface AlertsConfig {

    String PID = "no.postmottak.operations.alerts";

    @AttributeDefinition(name = "Mottakere", description = "E-postadressene som får alle varsler")
    String[] recipients() default {};

    @AttributeDefinition(name = "Mottakere per konto", description = "I tillegg, for varsler om én kanalkonto: "
            + "kontonavn=adresse1 adresse2 (én linje per konto)")
    String[] account_recipients() default {};

    @AttributeDefinition(name = "Ventetid før varsel (minutter)", description = "Hvor lenge en kanalkonto, "
            + "databasen eller et arkivmål må ha feilet før det varsles, så korte avbrudd ikke gir e-post")
    int delay_minutes() default 15;

    @AttributeDefinition(name = "Sjekkintervall (sekunder)")
    int check_interval_seconds() default 60;

    @AttributeDefinition(name = "Installasjonens navn", description = "Står i emnefeltet, f.eks. kommunens navn")
    String installation() default "";

    @AttributeDefinition(name = "SMTP-server")
    String smtp_host() default "";

    @AttributeDefinition(name = "SMTP-port")
    int smtp_port() default 587;

    @AttributeDefinition(name = "SMTP-brukernavn", description = "Tomt: uten innlogging")
    String smtp_username() default "";

    @AttributeDefinition(name = "SMTP-passord", type = AttributeType.PASSWORD,
            description = "Bruk $[secret:navn]; lagres ellers i klartekst")
    String _smtp_password() default "";

    @AttributeDefinition(name = "STARTTLS", description = "Krev kryptert forbindelse (STARTTLS)")
    boolean smtp_tls() default true;

    @AttributeDefinition(name = "Avsenderadresse")
    String smtp_from() default "";
}
