package no.postmottak.arkivmelding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;

/** Real inbox items built from the API records, with Norwegian characters everywhere a clerk would type them. */
public final class TestItems {

    public static final Instant RECEIVED = Instant.parse("2026-03-14T09:26:53Z");

    private TestItems() {
    }

    public static List<StoredDocument> documents(int count) {
        List<StoredDocument> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(new StoredDocument(i, i == 0 ? "Søknad om løyve – Ærøy.pdf" : "vedlegg " + i + " – kart å se.pdf",
                    "application/pdf", 1000 + i, "ab".repeat(32), i == 0 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT,
                    false));
        }
        return docs;
    }

    public static InboxItem full(int documentCount) {
        Party sender = new Party("Bærum kommune, Plan- og bygningsetaten", "974760673", null,
                List.of("Postboks 700", "Økonomiavdelinga"), "1304", "Sandvika", null);
        SenderMetadata their = new SenderMetadata(2024, 1234, 2024, 5678, 7, "U", "F",
                Instant.parse("2026-03-13T10:00:00Z"), Instant.parse("2026-03-12T10:00:00Z"),
                "Vedtak om dispensasjon – Øvre Ås gnr. 12/34", "Åse Ødegård", Map.of("ÆØÅ-nøkkel", "blåbærsyltetøy"));
        ImportSuggestion suggestion = new ImportSuggestion(2025, 77, "I", "M", LocalDate.of(2026, 3, 12), "Svar");
        IncomingItem m = new IncomingItem(Channel.SVARINN, "f1e2d3c4-0000-4000-8000-000000000001", "910229028",
                sender, Party.organisation("Ålesund kommune", "910229028"), "Svar på søknad – Æsøy bru",
                Instant.parse("2026-03-13T12:00:00Z"), 4, "Byggesak", "ref-ø-1", null, their, suggestion, List.of(),
                Map.of());
        return new InboxItem(UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962"), m, RECEIVED,
                ItemState.ARCHIVING, documents(documentCount), null, true);
    }

    /** Only what the API requires: no sender, no title, no dates, no sender metadata. */
    public static InboxItem minimal() {
        IncomingItem m = new IncomingItem(Channel.EFORMIDLING, "msg-1", "910229028", null, null, null, null, null,
                null, null, null, null, null, null, null);
        return new InboxItem(UUID.fromString("00000000-0000-4000-8000-000000000042"), m, null, ItemState.RECEIVED,
                List.of(new StoredDocument(0, "x", null, -1, null, DocumentRole.MAIN, false)), null, true);
    }
}
