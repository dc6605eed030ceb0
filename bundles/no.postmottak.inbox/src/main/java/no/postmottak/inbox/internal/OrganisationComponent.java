package no.postmottak.inbox.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import no.postmottak.api.CaseNumber;

/** One organisation's configuration as a service the inbox looks up; updates take effect at once. */
@Component(service = OrganisationComponent.class, configurationPid = OrganisationComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OrganisationConfig.class, factory = true)
public class OrganisationComponent {

    static final String PID = "no.postmottak.inbox.organisation";

    private volatile Organisation settings;

    @Activate
    public OrganisationComponent(OrganisationConfig config) {
        settings = toSettings(config);
    }

    @Modified
    void modified(OrganisationConfig config) {
        settings = toSettings(config);
    }

    Organisation settings() {
        return settings;
    }

    static Organisation toSettings(OrganisationConfig c) {
        if (c.orgnr() == null || c.orgnr().isBlank()) {
            throw new IllegalArgumentException("Organisasjonskonfigurasjonen mangler organisasjonsnummer");
        }
        CaseNumber fallback = blank(c.fallbackCase()) ? null : CaseNumber.parse(c.fallbackCase());
        Organisation.Smtp smtp = blank(c.smtp_host()) ? null : new Organisation.Smtp(c.smtp_host().trim(),
                c.smtp_port(), emptyToNull(c.smtp_username()), emptyToNull(c._smtp_password()), c.smtp_tls(),
                emptyToNull(c.smtp_from()));
        return new Organisation(c.orgnr().trim(), c.displayName(), emptyToNull(c.archive_target()),
                emptyToNull(c.archive_kind()), fallback, emptyToNull(c.fallbackCaseTitle()), smtp,
                Duration.ofHours(Math.max(0, c.deletedContentRetentionHours())));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
