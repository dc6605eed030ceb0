package no.postmottak.eformidling.internal.component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.eformidling.internal.EformidlingAccount;

/**
 * The other channels' accounts as they come and go, to tell when SvarUt mail reaches us both through a SvarInn
 * account and through an integrasjonspunkt's DPF inbound (an org number is fetched by one system).
 */
@Component(service = OtherChannels.class)
public class OtherChannels {

    /** The channel name SvarInn accounts report. */
    static final String SVARINN = "SvarInn";

    private final List<ChannelAccount> accounts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAccount(ChannelAccount account) {
        accounts.add(account);
    }

    void removeAccount(ChannelAccount account) {
        accounts.remove(account);
    }

    /** The org numbers SvarInn accounts fetch for, with the account's name. */
    public Map<String, String> svarInnOrgnrs() {
        Map<String, String> byOrgnr = new TreeMap<>();
        for (ChannelAccount a : accounts) {
            if (a instanceof EformidlingAccount) {
                continue; // our own kind: its status asks us, and it fetches no SvarInn mottakersystem
            }
            ChannelStatus s;
            try {
                s = a.status();
            } catch (RuntimeException e) {
                continue; // its own page line shows the error
            }
            if (SVARINN.equals(s.channel())) {
                s.orgnrs().forEach(orgnr -> byOrgnr.putIfAbsent(orgnr, s.account()));
            }
        }
        return byOrgnr;
    }
}
