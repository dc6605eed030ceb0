package no.postmottak.eformidling.internal.component;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import no.postmottak.eformidling.internal.EformidlingAccount;

/** Every configured integrasjonspunkt, as they come and go, for the shell commands (the web reads ChannelAccount). */
@Component(service = EformidlingAccounts.class)
public class EformidlingAccounts {

    private final List<EformidlingAccount> accounts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAccount(EformidlingAccount account) {
        accounts.add(account);
    }

    void removeAccount(EformidlingAccount account) {
        accounts.remove(account);
    }

    /** The integrasjonspunkt configurations by name. */
    public List<EformidlingAccount> all() {
        return accounts.stream().sorted(Comparator.comparing(EformidlingAccount::name)).toList();
    }
}
