package no.postmottak.channel.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * File names from senders: {@link #safeName} refuses any that could escape a folder (zip-slip), and the rest reads
 * zip entry names in whatever encoding the sender's zip library used. The zip is read with ISO-8859-1, which keeps
 * the raw bytes of names without the UTF-8 flag; names with the flag arrive already decoded. The encoding of
 * SvarUt's names is not documented (æøå may come without the flag), so we try UTF-8, then CP437 (the zip default) and the Nordic and
 * Western DOS code pages.
 */
public final class ZipNames {

    private static final Charset CP437 = Charset.forName("IBM437");
    /** Nordic DOS code page: CP437 lacks ø and Ø, which Norwegian file names need. */
    private static final Charset CP865 = Charset.forName("IBM865");
    private static final Charset CP850 = Charset.forName("IBM850");

    private ZipNames() {
    }

    /** A file name from a zip entry or the sender's metadata, trimmed; refused when it could escape a folder. */
    public static String safeName(String name) throws ContentException {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.contains("\\") || trimmed.contains("..")
                || trimmed.indexOf('\0') >= 0 || trimmed.contains(":")) {
            throw new ContentException("Ugyldig filnavn i sendingen: «" + trimmed
                    + "» (filnavn med sti eller '..' avvises)");
        }
        return trimmed;
    }

    /** The readings of a name worth matching against filmetadata, most likely first. */
    public static Set<String> candidates(String readAsLatin1) {
        Set<String> names = new LinkedHashSet<>();
        byte[] raw = rawBytes(readAsLatin1);
        if (raw != null) {
            strictUtf8(raw).ifPresent(names::add);
            names.add(new String(raw, CP437));
            names.add(new String(raw, CP865));
            names.add(new String(raw, CP850));
        }
        names.add(readAsLatin1);
        return names;
    }

    /** The best single reading: UTF-8 when the bytes are valid UTF-8, else CP437. */
    public static String decode(String readAsLatin1) {
        return candidates(readAsLatin1).iterator().next();
    }

    private static byte[] rawBytes(String name) {
        // A character above 0xFF means the name was flagged UTF-8 and is already decoded.
        return name.chars().allMatch(c -> c <= 0xFF) ? name.getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    private static java.util.Optional<String> strictUtf8(byte[] raw) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
