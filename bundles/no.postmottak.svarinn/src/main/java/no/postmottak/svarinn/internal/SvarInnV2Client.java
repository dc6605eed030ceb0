package no.postmottak.svarinn.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import no.postmottak.svarinn.internal.json.ForsendelseV2;

/**
 * SvarInn V2, the API KS recommends: a list of at most {@value #PAGE} per call and one status endpoint for both
 * acknowledgement and failure.
 */
public final class SvarInnV2Client implements SvarInnApi {

    /** The most forsendelser one list call returns. */
    public static final int PAGE = 200;
    private static final TypeReference<List<ForsendelseV2>> LIST = new TypeReference<>() { };
    private static final String FORSENDELSER = "svarinn/v2/forsendelser";

    private final SvarInnHttp http;

    public SvarInnV2Client(SvarInnHttp http) {
        this.http = http;
    }

    @Override
    public String version() {
        return "v2";
    }

    /** {@code GET svarinn/v2/forsendelser}. */
    @Override
    public List<Offered> listNew() throws SvarInnException {
        return List.copyOf(http.getList(FORSENDELSER, LIST));
    }

    @Override
    public int pageSize() {
        return PAGE;
    }

    /** {@code GET svarinn/v2/forsendelser/{id}}, always by the {@code nedlastingslenke} the list gave. */
    @Override
    public Download download(String url) throws SvarInnException {
        return http.download(url);
    }

    /** {@code PATCH svarinn/v2/forsendelser/{id}/status} with {@code {"status":"MOTTATT"}}. */
    @Override
    public void acknowledge(String forsendelseId) throws SvarInnException {
        http.sendStatus("PATCH", status(forsendelseId), Map.of("status", "MOTTATT"));
    }

    /** {@code PATCH …/status} with {@code {"status":"FEILET","feil":{"feilmelding":…,"permanent":…}}}. */
    @Override
    public void reportFailure(String forsendelseId, String feilmelding, boolean permanent) throws SvarInnException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "FEILET");
        body.put("feil", Map.of("feilmelding", feilmelding, "permanent", permanent));
        http.sendStatus("PATCH", status(forsendelseId), body);
    }

    private static String status(String forsendelseId) {
        return FORSENDELSER + "/" + forsendelseId + "/status";
    }
}
