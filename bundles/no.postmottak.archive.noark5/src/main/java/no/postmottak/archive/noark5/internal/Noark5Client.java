package no.postmottak.archive.noark5.internal;

import java.net.http.HttpClient;
import java.time.Clock;

/** Wires the provider's parts for one target: login, HTTP, structure and the archiver. */
final class Noark5Client {

    private Noark5Client() {
    }

    static Noark5Archiver archiver(Noark5Settings settings, HttpClient http, Clock clock) {
        N5Http anonymous = N5Http.anonymous(http, settings.timeout());
        N5Http n5 = new N5Http(http, settings.timeout(), new LoginChoice(settings, anonymous, http, clock));
        return new Noark5Archiver(settings, n5, new ArchiveStructure(settings, n5));
    }
}
