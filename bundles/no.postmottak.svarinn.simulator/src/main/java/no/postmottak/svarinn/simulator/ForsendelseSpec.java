package no.postmottak.svarinn.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable description of one forsendelse to put into the simulator; build it with {@link #builder()}.
 * Either the simulator writes the JSON and payload from the fields, or (for real fixtures) it serves a given
 * JSON object ({@link Builder#rawJson}) and/or a given pre-encrypted blob ({@link Builder#preEncrypted}) as-is.
 *
 * @param id                 forsendelse id (UUID string)
 * @param tittel             title
 * @param date               creation time
 * @param status             human-readable status string
 * @param niva               "3" or "4"
 * @param avsender           printed sender
 * @param mottaker           addressee; its orgnr is the routing key
 * @param svarSendesTil      reply-to address, may be null
 * @param svarPaForsendelse  id this forsendelse replies to, may be null
 * @param forsendelseType    type, may be null
 * @param eksternRef         sender's reference, may be null
 * @param avleverende        sender's Noark metadata
 * @param forImport          import hints
 * @param dokumenter         documents in order
 * @param lenker             links
 * @param mode               payload mode
 * @param faults             faults to apply
 * @param synligOgsaFor      user names of extra mottakersystems that also list it (beyond routing)
 * @param bytesPerSecond     download throttle, 0 = unlimited
 * @param rawJson            a JSON object served instead of the generated one (downloadUrl rewritten), or null
 * @param preEncrypted       a CMS blob served as-is instead of a generated payload, or null
 * @param contentType        Content-Type for the pre-encrypted blob, or null for the mode's default
 * @param filename           attachment file name for the pre-encrypted blob, or null for the default
 * @param taushetsbelagtPost SvarInn V2: the sender marked it confidential
 * @param avgivendeSystem    SvarInn V2: the sending system, may be null
 * @since 1.0.0; {@code taushetsbelagtPost} and {@code avgivendeSystem} since 1.1.0
 */
public record ForsendelseSpec(String id, String tittel, Instant date, String status, String niva, Avsender avsender,
                              Adresse mottaker, Adresse svarSendesTil, String svarPaForsendelse,
                              String forsendelseType, String eksternRef, AvleverendeMetadata avleverende,
                              ImportMetadata forImport, List<Dokument> dokumenter, List<Lenke> lenker,
                              PayloadMode mode, Set<Fault> faults, Set<String> synligOgsaFor, long bytesPerSecond,
                              String rawJson, Path preEncrypted, String contentType, String filename,
                              boolean taushetsbelagtPost, String avgivendeSystem) {

    /** Validates and copies. */
    public ForsendelseSpec {
        Objects.requireNonNull(id, "id");
        dokumenter = List.copyOf(dokumenter);
        lenker = List.copyOf(lenker);
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        synligOgsaFor = Set.copyOf(synligOgsaFor);
        if (mode == PayloadMode.BARE_PDF && preEncrypted == null && dokumenter.size() != 1) {
            throw new IllegalArgumentException("BARE_PDF needs exactly one document, got " + dokumenter.size());
        }
        if (preEncrypted != null && !Files.isRegularFile(preEncrypted)) {
            throw new IllegalArgumentException("pre-encrypted payload is not a file: " + preEncrypted);
        }
        if (!"3".equals(niva) && !"4".equals(niva)) {
            throw new IllegalArgumentException("niva must be \"3\" or \"4\": " + niva);
        }
    }

    /** The spec of 1.0.0, without the V2-only fields. */
    public ForsendelseSpec(String id, String tittel, Instant date, String status, String niva, Avsender avsender,
                           Adresse mottaker, Adresse svarSendesTil, String svarPaForsendelse, String forsendelseType,
                           String eksternRef, AvleverendeMetadata avleverende, ImportMetadata forImport,
                           List<Dokument> dokumenter, List<Lenke> lenker, PayloadMode mode, Set<Fault> faults,
                           Set<String> synligOgsaFor, long bytesPerSecond, String rawJson, Path preEncrypted,
                           String contentType, String filename) {
        this(id, tittel, date, status, niva, avsender, mottaker, svarSendesTil, svarPaForsendelse, forsendelseType,
                eksternRef, avleverende, forImport, dokumenter, lenker, mode, faults, synligOgsaFor, bytesPerSecond,
                rawJson, preEncrypted, contentType, filename, false, null);
    }

    /** @return a new builder with sensible defaults (random id, now, nivå 3, status "Klar for mottak") */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true if the given fault is set */
    public boolean has(Fault fault) {
        return faults.contains(fault);
    }

    /** Builds a {@link ForsendelseSpec}. Not thread-safe. */
    public static final class Builder {
        private String id = UUID.randomUUID().toString();
        private String tittel = "Forsendelse";
        private Instant date = Instant.now();
        private String status = "Klar for mottak";
        private String niva = "3";
        private Avsender avsender = Avsender.of("Eksempel kommune", "Postboks 1", "0001", "Oslo");
        private Adresse mottaker;
        private Adresse svarSendesTil;
        private String svarPaForsendelse;
        private String forsendelseType;
        private String eksternRef;
        private AvleverendeMetadata avleverende = AvleverendeMetadata.tom();
        private ImportMetadata forImport = ImportMetadata.tom();
        private final List<Dokument> dokumenter = new ArrayList<>();
        private final List<Lenke> lenker = new ArrayList<>();
        private PayloadMode mode = PayloadMode.ZIP;
        private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
        private final Set<String> synligOgsaFor = new LinkedHashSet<>();
        private long bytesPerSecond;
        private String rawJson;
        private Path preEncrypted;
        private String contentType;
        private String filename;
        private boolean taushetsbelagtPost;
        private String avgivendeSystem;

        private Builder() {
        }

        /** @param v forsendelse id @return this */
        public Builder id(String v) { id = v; return this; }
        /** @param v title @return this */
        public Builder tittel(String v) { tittel = v; return this; }
        /** @param v creation time @return this */
        public Builder date(Instant v) { date = v; return this; }
        /** @param v status string @return this */
        public Builder status(String v) { status = v; return this; }
        /** @param v "3" or "4" @return this */
        public Builder niva(String v) { niva = v; return this; }
        /** @param v printed sender @return this */
        public Builder avsender(Avsender v) { avsender = v; return this; }
        /** @param v addressee, whose orgnr routes the forsendelse @return this */
        public Builder mottaker(Adresse v) { mottaker = v; return this; }
        /**
         * Addressee with only an orgnr and a name.
         * @param orgnr organisation number @param navn name @return this
         */
        public Builder mottaker(String orgnr, String navn) {
            mottaker = new Adresse(navn, null, null, null, null, null, null, orgnr, null);
            return this;
        }
        /** @param v reply-to address @return this */
        public Builder svarSendesTil(Adresse v) { svarSendesTil = v; return this; }
        /** @param v id of the forsendelse this replies to @return this */
        public Builder svarPaForsendelse(String v) { svarPaForsendelse = v; return this; }
        /** @param v forsendelse type @return this */
        public Builder forsendelseType(String v) { forsendelseType = v; return this; }
        /** @param v sender's external reference @return this */
        public Builder eksternRef(String v) { eksternRef = v; return this; }
        /** @param v sender's Noark metadata @return this */
        public Builder avleverende(AvleverendeMetadata v) { avleverende = v; return this; }
        /** @param v import hints @return this */
        public Builder forImport(ImportMetadata v) { forImport = v; return this; }
        /** @param v document to append @return this */
        public Builder dokument(Dokument v) { dokumenter.add(Objects.requireNonNull(v)); return this; }
        /** @param v link to append @return this */
        public Builder lenke(Lenke v) { lenker.add(Objects.requireNonNull(v)); return this; }
        /** @param v payload mode @return this */
        public Builder mode(PayloadMode v) { mode = v; return this; }
        /** @param v faults to add @return this */
        public Builder fault(Fault... v) { faults.addAll(List.of(v)); return this; }
        /** @param brukernavn user name of a mottakersystem that also lists this forsendelse @return this */
        public Builder synligOgsaFor(String brukernavn) { synligOgsaFor.add(brukernavn); return this; }
        /** @param v SvarInn V2 {@code taushetsbelagtPost}: confidential @return this */
        public Builder taushetsbelagt(boolean v) { taushetsbelagtPost = v; return this; }
        /** @param v SvarInn V2 {@code avgivendeSystem}, e.g. EDIALOG @return this */
        public Builder avgivendeSystem(String v) { avgivendeSystem = v; return this; }
        /** @param v download throttle in bytes per second, 0 = unlimited @return this */
        public Builder bytesPerSecond(long v) { bytesPerSecond = v; return this; }

        /**
         * Serve this JSON object in the list instead of a generated one. Only {@code downloadUrl} is rewritten to
         * point at the simulator. The id, {@code mottaker.orgnr}, type and nivå used for routing are read from it when
         * present there; otherwise this builder's values apply.
         *
         * @param json one forsendelse JSON object
         * @return this
         */
        public Builder rawJson(String json) { rawJson = json; return this; }

        /**
         * Serve this file as the download body, byte for byte (e.g. a real fixture such as {@code dokumenter.crypt}).
         *
         * @param blob        the CMS file
         * @param contentType Content-Type header, e.g. {@code application/zip}
         * @param filename    attachment file name
         * @return this
         */
        public Builder preEncrypted(Path blob, String contentType, String filename) {
            preEncrypted = blob;
            this.contentType = contentType;
            this.filename = filename;
            return this;
        }

        /** @return the spec */
        public ForsendelseSpec build() {
            if (mottaker == null && rawJson == null) {
                throw new IllegalStateException("mottaker (with orgnr) is required");
            }
            return new ForsendelseSpec(id, tittel, date, status, niva, avsender, mottaker, svarSendesTil,
                    svarPaForsendelse, forsendelseType, eksternRef, avleverende, forImport, dokumenter, lenker,
                    mode, faults, synligOgsaFor, bytesPerSecond, rawJson, preEncrypted, contentType, filename,
                    taushetsbelagtPost, avgivendeSystem);
        }
    }
}
