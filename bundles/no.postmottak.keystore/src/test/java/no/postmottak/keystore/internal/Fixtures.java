package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Locates {@code shared/fixtures/svarinn-real} from the module folder, and hashes streams. */
public final class Fixtures {

    private static final Path ROOT = locate();

    private Fixtures() {
    }

    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path locate() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/svarinn-real");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/svarinn-real not found above " + dir);
    }

    /** Reads the stream to its end; returns {size, sha256-hex}. */
    public static String[] sizeAndSha256(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[8192];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
            size += n;
        }
        return new String[] {Long.toString(size), HexFormat.of().formatHex(sha.digest())};
    }
}
