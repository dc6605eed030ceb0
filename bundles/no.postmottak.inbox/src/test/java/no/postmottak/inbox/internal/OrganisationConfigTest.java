package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.postmottak.api.CaseNumber;

class OrganisationConfigTest {

    /** A configuration as SCR would hand it over: given values, else the annotation's defaults. */
    static OrganisationConfig config(Map<String, Object> values) {
        return (OrganisationConfig) Proxy.newProxyInstance(OrganisationConfig.class.getClassLoader(),
                new Class<?>[] {OrganisationConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return OrganisationConfig.class;
                    }
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    @Test
    void convertsTheConfigurationAndUpdatesLive() {
        Map<String, Object> values = new HashMap<>(Map.of("orgnr", " 910000001 ", "archive_kind", "websak",
                "fallbackCase", "2024/1", "smtp_host", "smtp.kommune.no", "smtp_username", "postmottak",
                ".smtp.password", "hemmelig", "smtp_from", "postmottak@kommune.no",
                "deletedContentRetentionHours", 24));
        values.put("archive_target", " fjordvik-websak ");
        values.put("fallbackCaseTitle", "Fordeling – Nordre Øyane");
        OrganisationComponent component = new OrganisationComponent(config(values));

        Organisation org = component.settings();
        assertThat(org.orgnr()).isEqualTo("910000001");
        assertThat(org.archiveKind()).isEqualTo("websak");
        assertThat(org.archiveTarget()).isEqualTo("fjordvik-websak");
        assertThat(org.fallbackCaseTitle()).isEqualTo("Fordeling – Nordre Øyane");
        assertThat(org.fallbackCase()).isEqualTo(new CaseNumber(2024, 1));
        assertThat(org.smtp().port()).isEqualTo(587);
        assertThat(org.smtp().tls()).isTrue();
        assertThat(org.deletedContentRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(org.toString()).doesNotContain("hemmelig");

        values.put("archive_kind", "filesystem");
        values.put("smtp_host", "");
        component.modified(config(values));
        assertThat(component.settings().archiveKind()).isEqualTo("filesystem");
        assertThat(component.settings().smtp()).isNull();
    }

    @Test
    void refusesAConfigurationWithoutOrgnrOrWithABadCase() {
        assertThatThrownBy(() -> new OrganisationComponent(config(Map.of())))
                .hasMessageContaining("organisasjonsnummer");
        assertThatThrownBy(() -> new OrganisationComponent(config(Map.of("orgnr", "1", "fallbackCase", "abc"))))
                .hasMessageContaining("år/sekvensnummer");
    }
}
