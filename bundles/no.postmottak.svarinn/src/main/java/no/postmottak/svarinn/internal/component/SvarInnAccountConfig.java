package no.postmottak.svarinn.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Postmottak: SvarInn account",
        description = "One receiving system (mottakersystem) at KS SvarUt, polled for every org number it holds.")
public @interface SvarInnAccountConfig {

    @AttributeDefinition(name = "Base URL", description = "The SvarInn API of the environment", options = {
            @Option(label = "Production", value = "https://svarut.ks.no/tjenester/svarinn"),
            @Option(label = "Test", value = "https://test.svarut.ks.no/tjenester/svarinn")})
    String base_url() default "https://svarut.ks.no/tjenester/svarinn";

    @AttributeDefinition(name = "Username", description = "The mottakersystem's username from SvarUt's service tab")
    String username();

    @AttributeDefinition(name = "Service password", type = AttributeType.PASSWORD,
            description = "Generated in SvarUt; better given as $[secret:name] or $[env:NAME]. The leading dot keeps"
                    + " it out of service properties")
    String _password();

    @AttributeDefinition(name = "Org numbers", description = "The organisation numbers registered on this"
            + " mottakersystem. Each org number may be fetched by one account only.")
    String[] orgnrs();

    @AttributeDefinition(name = "Poll interval (seconds)", description = "KS recommends 15 minutes")
    long poll_interval_seconds() default 900;

    @AttributeDefinition(name = "Connect timeout (seconds)")
    long connect_timeout_seconds() default 10;

    @AttributeDefinition(name = "Read timeout (seconds)", description = "Waiting for a response to start")
    long read_timeout_seconds() default 60;

    @AttributeDefinition(name = "Hash verification", description = "strict: a size/SHA-256 mismatch or a missing or"
            + " extra file fails the forsendelse; warn: it is received and the mismatch logged", options = {
            @Option(label = "Strict", value = "strict"), @Option(label = "Warn only", value = "warn")})
    String hash_verification() default "strict";

    @AttributeDefinition(name = "Permanent failure after attempts", description = "A forsendelse that cannot be"
            + " received is reported as a permanent failure (SvarUt then uses Altinn/print) after this many"
            + " attempts; 0 = never, an operator decides")
    int failure_permanent_after_attempts() default 3;

    @AttributeDefinition(name = "Report temporary failures", description = "Tell SvarUt about failed attempts"
            + " before the permanent one (shown in the sender's log)")
    boolean failure_report_temporary() default true;

    @AttributeDefinition(name = "Refused forsendelse types", required = false,
            description = "forsendelseType values this installation does not take")
    String[] refused_forsendelse_types() default {};

    @AttributeDefinition(name = "Max unpacked bytes per forsendelse", description = "Zip-bomb limit")
    long max_unpacked_bytes() default 53687091200L;

    String webconsole_configurationFactory_nameHint() default "SvarInn {username} ({orgnrs})";
}
