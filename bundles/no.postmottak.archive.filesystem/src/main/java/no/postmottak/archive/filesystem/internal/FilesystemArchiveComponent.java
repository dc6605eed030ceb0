package no.postmottak.archive.filesystem.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

/** One filesystem export target per factory configuration. */
@Component(service = ArchiveProvider.class, configurationPid = FilesystemArchiveComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = ArchiveProvider.KIND + "=" + FilesystemExporter.KIND)
@Designate(ocd = FilesystemArchiveComponent.Config.class, factory = true)
public final class FilesystemArchiveComponent implements ArchiveProvider {

    static final String PID = "no.postmottak.archive.filesystem";

    @ObjectClassDefinition(name = "Postmottak arkivmål: eksport til mappe",
            description = "Skriver hvert arkiverte element som en mappe med arkivmelding.xml og filene.")
    public @interface Config {

        @AttributeDefinition(name = "Navn", required = false, description = "Arkivmålets navn, unikt i "
                + "installasjonen, f.eks. fjordvik-websak. Organisasjoner velger arkivmål med archive.target = navnet.")
        String name() default "";

        @AttributeDefinition(name = "Målmappe",
                description = "Absolutt sti til mappen som får én undermappe per element.")
        String target_folder();

        @AttributeDefinition(name = "Arkivmelding-skjema", options = {
                @Option(label = "eFormidling (integrasjonspunkt, standard)", value = "eformidling"),
                @Option(label = "Arkivmelding v1", value = "v1")})
        String schema_version() default "eformidling";

        @AttributeDefinition(name = "Systemnavn", description = "Arkivmeldingens system og opprettetAv.")
        String system_name() default "Postmottak";

        @AttributeDefinition(name = "Administrativ enhet", description = "Saksmappens administrativEnhet.")
        String administrativ_enhet() default "Postmottak";

        String webconsole_configurationFactory_nameHint() default "{name}: mappe {target.folder}";
    }

    private final FilesystemExporter exporter;

    @Activate
    public FilesystemArchiveComponent(Config config) {
        if (config.target_folder() == null || config.target_folder().isBlank()) {
            throw new IllegalArgumentException(PID + ": target.folder is required");
        }
        Path target = Path.of(config.target_folder().strip());
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException(PID + ": target.folder must be an absolute path: " + target);
        }
        ArkivmeldingSettings settings = new ArkivmeldingSettings(ArkivmeldingVersion.parse(config.schema_version()),
                config.system_name(), config.system_name(), config.administrativ_enhet(), null, null, null, null);
        this.exporter = new FilesystemExporter(target, ArkivmeldingWriter.create(settings));
    }

    @Override
    public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        return exporter.export(request);
    }
}
