package no.postmottak.arkivmelding;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The arkivmelding XSDs this bundle carries (copied unchanged from the eFormidling integrasjonspunkt), compiled
 * once per version. Thread-safe.
 */
public final class ArkivmeldingSchemas {

    private static final Map<ArkivmeldingVersion, Schema> SCHEMAS = new EnumMap<>(ArkivmeldingVersion.class);

    private ArkivmeldingSchemas() {
    }

    /** The compiled schema of a version. Schemas are immutable and thread-safe. */
    public static synchronized Schema schema(ArkivmeldingVersion version) {
        return SCHEMAS.computeIfAbsent(version, ArkivmeldingSchemas::load);
    }

    /**
     * Validates a document against a version's schema. External entities are refused.
     *
     * @throws ArkivmeldingInvalidException with the first error and its line, when the document is invalid
     * @throws IOException when reading fails
     */
    public static void validate(ArkivmeldingVersion version, InputStream xml) throws IOException {
        Validator validator = schema(version).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(xml));
        } catch (SAXParseException e) {
            throw new ArkivmeldingInvalidException("arkivmelding.xml er ugyldig (" + version + ", linje "
                    + e.getLineNumber() + "): " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new ArkivmeldingInvalidException("arkivmelding.xml er ugyldig (" + version + "): "
                    + e.getMessage(), e);
        }
    }

    private static Schema load(ArkivmeldingVersion version) {
        URL url = ArkivmeldingSchemas.class.getResource(version.schemaResource());
        if (url == null) {
            throw new IllegalStateException("Missing schema resource " + version.schemaResource());
        }
        try {
            // The JDK's own factory: a Karaf-provided one may lack the secure-processing properties.
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Our own schemas import each other by relative location (file:, jar:, bundle:): allow that.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "all");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot load schema " + url, e);
        }
    }
}
