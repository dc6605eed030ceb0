package no.postmottak.svarinn.simulator;

import java.util.List;

/**
 * A snapshot of one forsendelse's state in the simulator, for assertions in tests.
 *
 * @param id             forsendelse id
 * @param tittel         title
 * @param orgnr          addressed organisation number (routing key), may be null
 * @param status         current status
 * @param synligFor      user names of the mottakersystems that list it (routing plus extra visibility)
 * @param nedlastinger   number of downloads started
 * @param bytesSendt     payload bytes written to clients so far, over all downloads
 * @param kvitteringer   number of kvitterMottak calls accepted
 * @param feil           mottakFeilet reports, oldest first
 * @since 1.0.0
 */
public record ForsendelseState(String id, String tittel, String orgnr, ForsendelseStatus status,
                               List<String> synligFor, int nedlastinger, long bytesSendt, int kvitteringer,
                               List<MottakFeilet> feil) {
    /** Copies the lists. */
    public ForsendelseState {
        synligFor = List.copyOf(synligFor);
        feil = List.copyOf(feil);
    }
}
