package no.postmottak.arkivmelding;

/**
 * Which arkivmelding schema set a document follows. Both use the same namespace and root element; only validation
 * tells them apart, so the writer must be told which one the receiver expects.
 */
public enum ArkivmeldingVersion {

    /**
     * The pre-v1 ("beta") arkivmelding that the eFormidling integrasjonspunkt uses in production (metadatakatalog
     * 3.1): descriptive code values, {@code basisregistrering xsi:type="journalpost"} inside the saksmappe. Default.
     */
    EFORMIDLING("xsd/arkivmelding.xsd"),

    /**
     * Arkivmelding v1 (metadatakatalog 5.0): adds {@code referanseEksternNoekkel}, organisation numbers and
     * {@code deresReferanse} on korrespondansepart, and format/checksum/size on dokumentobjekt.
     */
    V1("xsd/v1/arkivmelding.xsd");

    /** The Arkivverket arkivmelding namespace, the same for both versions. */
    public static final String NAMESPACE = "http://www.arkivverket.no/standarder/noark5/arkivmelding";

    private final String schemaResource;

    ArkivmeldingVersion(String schemaResource) {
        this.schemaResource = schemaResource;
    }

    /** The class-path resource (relative to this package) of the version's top-level XSD. */
    String schemaResource() {
        return schemaResource;
    }

    /** Parses a configuration value: {@code eformidling} (also {@code beta}) or {@code v1}, case-insensitive. */
    public static ArkivmeldingVersion parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "", "eformidling", "beta" -> EFORMIDLING;
            case "v1", "1", "1.0" -> V1;
            default -> throw new IllegalArgumentException(
                    "Unknown arkivmelding version '" + text + "': use 'eformidling' or 'v1'");
        };
    }
}
