package no.postmottak.svarinn.simulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.Mottakersystem.Registrering;

/**
 * SvarUt's addressing rule (spec §11): registrations are (orgnr, forsendelseType, nivå) with "all" wildcards, and
 * the most specific match wins. A specific type outranks a specific level; equally specific matches of different
 * systems all win (SvarUt forbids that configuration; here it models "the same forsendelse via two accounts").
 */
final class Addressing {
    private Addressing() {
    }

    /** @return user names of the systems that list this forsendelse, routing winners first, then extras */
    static List<String> synligFor(StoredForsendelse f, Collection<Mottakersystem> systems) {
        int best = -1;
        List<String> winners = new ArrayList<>();
        for (Mottakersystem m : systems) {
            int score = m.registreringer().stream().mapToInt(r -> score(r, f)).max().orElse(-1);
            if (score < 0 || score < best) {
                continue;
            }
            if (score > best) {
                best = score;
                winners.clear();
            }
            winners.add(m.brukernavn());
        }
        Set<String> all = new LinkedHashSet<>(winners);
        all.addAll(f.spec.synligOgsaFor());
        return List.copyOf(all);
    }

    /** @return -1 if the registration does not match, else its specificity (0..3) */
    static int score(Registrering r, StoredForsendelse f) {
        if (f.orgnr == null || !r.orgnr().equals(f.orgnr)) {
            return -1;
        }
        int score = 0;
        if (r.forsendelseType() != null) {
            if (!r.forsendelseType().equals(f.forsendelseType)) {
                return -1;
            }
            score += 2;
        }
        if (r.niva() != null) {
            if (!r.niva().equals(f.niva)) {
                return -1;
            }
            score += 1;
        }
        return score;
    }
}
