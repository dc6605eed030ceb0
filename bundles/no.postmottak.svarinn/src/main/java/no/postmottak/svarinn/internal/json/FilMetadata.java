package no.postmottak.svarinn.internal.json;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One original document of a forsendelse; {@code size} 0 and a null hash mean "unknown". Reads V1
 * {@code filmetadata[]} and V2 {@code filer[]} ({@code mimeType}, {@code hash}, {@code storrelse}, {@code type}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FilMetadata(String filnavn, @JsonAlias("mimeType") String mimetype,
                          @JsonAlias("hash") String sha256hash, @JsonAlias("type") String dokumentType,
                          @JsonAlias("storrelse") Long size) {
}
