package no.postmottak.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small multipart reader ({@code multipart/related} and {@code multipart/form-data}) over a body held in memory:
 * enough for a simulator, whose request bodies are bounded by the server's limit.
 *
 * @since 1.0.0
 */
public final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME_STAR = Pattern.compile("\\bfilename\\*=UTF-8''([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * One part.
     *
     * @param headers header names in lower case
     * @param body    the part's content
     */
    public record Part(Map<String, String> headers, byte[] body) {

        /** @return the header's value (name in any case), or null */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** @return the Content-Id without angle brackets, or null */
        public String contentId() {
            String id = header("content-id");
            return id == null ? null : id.strip().replaceAll("^<|>$", "");
        }

        /** @return the form field name of Content-Disposition, or null */
        public String name() {
            return match(NAME, header("content-disposition"));
        }

        /** @return the RFC 5987 {@code filename*} when present (as ASP.NET Core sends it), else {@code filename} */
        public String fileName() {
            String star = match(FILENAME_STAR, header("content-disposition"));
            return star != null ? URLDecoder.decode(star.replace("+", "%2B"), StandardCharsets.UTF_8)
                    : match(FILENAME, header("content-disposition"));
        }
    }

    private Multipart() {
    }

    /** @return the boundary of a multipart Content-Type, or null */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    /**
     * Splits a body into its parts.
     *
     * @throws IllegalArgumentException with the reason when the body is not well-formed
     */
    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("the body does not contain the boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = pos + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return parts; // closing delimiter
            }
            int headersStart = indexOf(body, new byte[] {'\r', '\n'}, after) + 2;
            int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
            if (headersStart < 2 || headersEnd < 0) {
                throw new IllegalArgumentException("a part has no header block");
            }
            int contentStart = headersEnd + 4;
            int end = indexOf(body, next, contentStart);
            if (end < 0) {
                throw new IllegalArgumentException("the body ends without a closing boundary");
            }
            byte[] content = new byte[end - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(new Part(headers(new String(body, headersStart, headersEnd - headersStart,
                    StandardCharsets.UTF_8)), content));
            pos = end + 2;
        }
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static String match(Pattern p, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = p.matcher(value);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
