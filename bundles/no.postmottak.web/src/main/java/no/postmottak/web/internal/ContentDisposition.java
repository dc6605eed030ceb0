package no.postmottak.web.internal;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values per RFC 6266: an ASCII {@code filename} fallback for old clients and the exact
 * name as RFC 5987 {@code filename*} (UTF-8, percent-encoded), so "Søknad om løyve.pdf" keeps its æøå.
 */
public final class ContentDisposition {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    public static String inline(String fileName) {
        return "inline; " + params(fileName);
    }

    public static String attachment(String fileName) {
        return "attachment; " + params(fileName);
    }

    private static String params(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "dokument" : baseName(fileName);
        return "filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /** Drops any path a sender put in the name. */
    static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    static String asciiFallback(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return sb.toString();
    }

    /** RFC 5987 attr-char, everything else as %XX of the UTF-8 bytes. */
    static String encode(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ATTR_CHARS.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
