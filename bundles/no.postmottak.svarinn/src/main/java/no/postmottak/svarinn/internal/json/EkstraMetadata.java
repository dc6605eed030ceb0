package no.postmottak.svarinn.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record EkstraMetadata(String key, String value) {
}
