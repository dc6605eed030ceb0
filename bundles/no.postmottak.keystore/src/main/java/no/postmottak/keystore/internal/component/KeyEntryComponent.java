package no.postmottak.keystore.internal.component;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.Orgnr;
import no.postmottak.keystore.internal.KeyEntry;
import no.postmottak.keystore.internal.KeySource;

/**
 * One configured key. Loads it on activation and registers itself as an internal service, also when loading failed
 * (then with the problem), so a broken configuration is visible and affects no other key. A changed configuration
 * re-creates the component, so a new file takes effect at once.
 */
@Component(service = KeyEntryComponent.class, configurationPid = KeyEntryComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = KeyConfig.class, factory = true)
public class KeyEntryComponent {

    static final String FACTORY_PID = "no.postmottak.keystore.key";
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(KeyEntryComponent.class);

    private final KeyEntry entry;

    @Activate
    public KeyEntryComponent(KeyConfig config, Map<String, Object> properties) {
        this.entry = entry(String.valueOf(properties.getOrDefault("service.pid", "?")), config, properties);
        if (entry.problem() != null) {
            LOG.error("Key {} (account '{}') is unusable: {}", entry.name(), entry.account(), entry.problem());
        } else if (entry.expiresWithin(EXPIRY_WARNING, Instant.now())) {
            Instant notAfter = entry.info().notAfter();
            LOG.warn("Key {} (account '{}'): certificate {} {} {}; make a new key and upload its certificate to "
                    + "SvarUt", entry.name(), entry.account(), entry.info().subject(),
                    notAfter.isBefore(Instant.now()) ? "expired" : "expires", notAfter);
        } else {
            LOG.info("Key {} loaded: {}", entry.name(), entry);
        }
    }

    public KeyEntry entry() {
        return entry;
    }

    /** Never throws: a configuration error becomes the entry's problem, so it shows in key-list and the admin page. */
    static KeyEntry entry(String name, KeyConfig config, Map<String, Object> properties) {
        try {
            return KeyEntry.load(source(name, config, List.copyOf(Orgnr.parseList(config.orgnrs())), properties));
        } catch (IllegalArgumentException e) {
            return KeyEntry.broken(source(name, config, List.of(), properties), e.getMessage());
        }
    }

    private static KeySource source(String name, KeyConfig config, List<String> orgnrs,
                                    Map<String, Object> properties) {
        return new KeySource(name, config.account(), orgnrs, path(config.keystore_file()),
                secret(properties, "keystore.password", config.keystore_password()), config.keystore_alias(),
                path(config.pem_key_file()), secret(properties, "pem.passphrase", config.pem_passphrase()),
                path(config.pem_certificate_file()));
    }

    /**
     * DS copies configuration properties into the service properties, where shell and web console show them.
     * A name starting with "." is private (DS spec), so {@code .keystore.password} keeps the secret out of them.
     */
    private static char[] secret(Map<String, Object> properties, String name, String value) {
        Object hidden = properties.get("." + name);
        return (hidden != null ? String.valueOf(hidden) : value).toCharArray();
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }
}
