package no.postmottak.eformidling.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import no.postmottak.channel.support.ContentException;

/**
 * Checks a zip's end record before {@link java.util.zip.ZipFile} opens it: the JDK reads the whole central directory
 * into one array, so a forged size could exhaust a small heap. Refuses files without an end record (truncated, or
 * not a zip), with more entries than allowed, or with a central directory larger than allowed.
 */
final class ZipDirectory {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipDirectory() {
    }

    /** The number of entries, after checking the limits. */
    static long check(Path zip, long maxEntries, long maxDirectoryBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < EOCD_SIZE) {
                throw new ContentException("Meldingen er ikke en zip-fil (ASiC-E): bare " + size + " byte");
            }
            int tail = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
            ByteBuffer buf = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(buf, size - tail);
            int at = -1;
            for (int i = tail - EOCD_SIZE; i >= 0; i--) {
                if (buf.getInt(i) == EOCD) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new ContentException("Meldingen er ikke en hel zip-fil (ASiC-E): sluttkatalogen mangler,"
                        + " så den er avkortet eller skadet");
            }
            long entries = Short.toUnsignedLong(buf.getShort(at + 10));
            long directoryBytes = Integer.toUnsignedLong(buf.getInt(at + 12));
            if (entries == 0xFFFF || directoryBytes == 0xFFFFFFFFL) {
                long[] zip64 = zip64(ch, size - tail + at);
                entries = zip64[0];
                directoryBytes = zip64[1];
            }
            if (entries > maxEntries) {
                throw new ContentException("Meldingen har " + entries + " filer; grensen er " + maxEntries);
            }
            if (directoryBytes > maxDirectoryBytes || directoryBytes > size) {
                throw new ContentException("Zip-filens katalog er " + directoryBytes + " byte; den avvises som"
                        + " skadet eller en mulig zip-bombe");
            }
            return entries;
        }
    }

    private static long[] zip64(FileChannel ch, long eocdOffset) throws IOException {
        if (eocdOffset < 20) {
            throw new ContentException("Zip64-filen i meldingen er skadet: lokatoren mangler");
        }
        ByteBuffer locator = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(locator, eocdOffset - 20);
        if (locator.getInt(0) != ZIP64_LOCATOR) {
            throw new ContentException("Zip64-filen i meldingen er skadet: lokatoren mangler");
        }
        long recordOffset = locator.getLong(8);
        ByteBuffer record = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        if (recordOffset < 0 || recordOffset > ch.size() - 56) {
            throw new ContentException("Zip64-filen i meldingen er skadet: sluttposten peker utenfor filen");
        }
        ch.read(record, recordOffset);
        if (record.getInt(0) != ZIP64_EOCD) {
            throw new ContentException("Zip64-filen i meldingen er skadet: sluttposten mangler");
        }
        return new long[] {record.getLong(32), record.getLong(40)};
    }
}
