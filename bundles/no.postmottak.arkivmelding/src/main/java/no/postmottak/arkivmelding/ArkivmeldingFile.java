package no.postmottak.arkivmelding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import no.postmottak.api.inbox.StoredDocument;

/**
 * One document of an item and the name of its file in the package the arkivmelding travels with (the value of
 * {@code referanseDokumentfil}).
 *
 * @param document the stored document, never null
 * @param fileName the file's name inside the package, a plain name without folders, never blank
 */
public record ArkivmeldingFile(StoredDocument document, String fileName) {

    /** The name the arkivmelding itself has inside a package. No document file ever gets this name. */
    public static final String ARKIVMELDING_XML = "arkivmelding.xml";

    public ArkivmeldingFile {
        Objects.requireNonNull(document, "document");
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("A package file name must be a plain name: " + fileName);
        }
    }

    /**
     * Gives every document a safe, unique file name for a package: its own name without folder parts and control
     * or reserved characters; a clash (case-insensitive, also with {@value #ARKIVMELDING_XML}) gets {@code -2},
     * {@code -3}, ... before the extension. The order of the list is kept.
     */
    public static List<ArkivmeldingFile> of(List<StoredDocument> documents) {
        Set<String> taken = new HashSet<>();
        taken.add(ARKIVMELDING_XML);
        List<ArkivmeldingFile> files = new ArrayList<>(documents.size());
        for (StoredDocument d : documents) {
            String safe = safeName(d.fileName(), d.index());
            String candidate = safe;
            int dot = safe.lastIndexOf('.');
            String stem = dot > 0 ? safe.substring(0, dot) : safe;
            String ext = dot > 0 ? safe.substring(dot) : "";
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = stem + "-" + n + ext;
            }
            files.add(new ArkivmeldingFile(d, candidate));
        }
        return List.copyOf(files);
    }

    static String safeName(String original, int index) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.appendCodePoint(
                Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0 ? '_' : c));
        String cleaned = sb.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.length() > 100) { // keep well inside file-system limits (255 bytes, up to 2 per æ/ø/å) with room for a suffix
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, 100 - ext.length()) + ext;
        }
        return cleaned.isBlank() ? "dokument-" + (index + 1) : cleaned;
    }
}
