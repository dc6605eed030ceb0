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

    @ObjectClassDefinition(name = "Postmottak archive: filesystem export",
            description = "Writes each archived item as a folder with arkivmelding.xml and its files.")
    public @interface Config {

        @AttributeDefinition(name = "Target folder",
                description = "Absolute path of the folder that receives one sub-folder per item.")
        String target_folder();

        @AttributeDefinition(name = "Arkivmelding schema", options = {
                @Option(label = "eFormidling (integrasjonspunkt, default)", value = "eformidling"),
                @Option(label = "Arkivmelding v1", value = "v1")})
        String schema_version() default "eformidling";

        @AttributeDefinition(name = "System name", description = "The arkivmelding 'system' and 'opprettetAv'.")
        String system_name() default "Postmottak";

        @AttributeDefinition(name = "Administrative unit", description = "administrativEnhet of the saksmappe.")
        String administrativ_enhet() default "Postmottak";

        String webconsole_configurationFactory_nameHint() default "Filesystem export to {target.folder}";
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
