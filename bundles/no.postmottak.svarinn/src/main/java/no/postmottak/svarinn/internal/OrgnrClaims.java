package no.postmottak.svarinn.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each org number is fetched by exactly one SvarInn account: two systems fetching for one org number would race to
 * acknowledge each other's mail. Accounts claim their org numbers here; a conflicting claim is refused whole.
 */
public final class OrgnrClaims {

    private final Map<String, String> accountByOrgnr = new HashMap<>();

    /**
     * Claims {@code orgnrs} for {@code account}.
     *
     * @return empty when granted, otherwise why not (naming both configurations)
     */
    public synchronized Optional<String> claim(String account, Set<String> orgnrs) {
        Map<String, String> conflicts = new HashMap<>();
        for (String orgnr : orgnrs) {
            String holder = accountByOrgnr.get(orgnr);
            if (holder != null && !holder.equals(account)) {
                conflicts.put(orgnr, holder);
            }
        }
        if (!conflicts.isEmpty()) {
            StringBuilder why = new StringBuilder("To systemer kan ikke hente for samme organisasjonsnummer: ");
            for (String orgnr : new TreeSet<>(conflicts.keySet())) {
                why.append(orgnr).append(" hentes allerede av «").append(conflicts.get(orgnr)).append("», ");
            }
            why.append("så «").append(account).append("» er avvist. Fjern organisasjonsnummeret fra en av dem.");
            return Optional.of(why.toString());
        }
        orgnrs.forEach(orgnr -> accountByOrgnr.put(orgnr, account));
        return Optional.empty();
    }

    public synchronized void release(String account) {
        accountByOrgnr.values().removeIf(account::equals);
    }
}
