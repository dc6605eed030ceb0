package no.postmottak.svarinn.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import no.postmottak.svarinn.internal.json.Forsendelse;

/** SvarInn V1 (Mottaksservice): four calls, one list with everything waiting. Deprecated by KS, kept for accounts. */
public final class SvarInnV1Client implements SvarInnApi {

    private static final TypeReference<List<Forsendelse>> LIST = new TypeReference<>() { };

    private final SvarInnHttp http;

    public SvarInnV1Client(SvarInnHttp http) {
        this.http = http;
    }

    @Override
    public String version() {
        return "v1";
    }

    /** {@code GET svarinn/mottaker/hentNyeForsendelser}: everything waiting for this account. */
    @Override
    public List<Offered> listNew() throws SvarInnException {
        return List.copyOf(http.getList("svarinn/mottaker/hentNyeForsendelser", LIST));
    }

    @Override
    public int pageSize() {
        return 0;
    }

    @Override
    public Download download(String url) throws SvarInnException {
        return http.download(url);
    }

    /** {@code POST svarinn/kvitterMottak/forsendelse/{id}}. */
    @Override
    public void acknowledge(String forsendelseId) throws SvarInnException {
        http.sendStatus("POST", "svarinn/kvitterMottak/forsendelse/" + forsendelseId, null);
    }

    /** {@code POST svarinn/mottakFeilet/forsendelse/{id}} with {@code {feilmelding, permanent}}. */
    @Override
    public void reportFailure(String forsendelseId, String feilmelding, boolean permanent) throws SvarInnException {
        http.sendStatus("POST", "svarinn/mottakFeilet/forsendelse/" + forsendelseId,
                Map.of("feilmelding", feilmelding, "permanent", permanent));
    }
}
