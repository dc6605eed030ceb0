package no.postmottak.svarinn.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One original document of a forsendelse; {@code size} 0 and a null hash mean "unknown". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FilMetadata(String filnavn, String mimetype, String sha256hash, String dokumentType, Long size) {
}
