package no.postmottak.svarinn.internal.component;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import no.postmottak.svarinn.internal.SvarInnAccount;

/** Every configured SvarInn account, as they come and go, for the shell commands (the web reads ChannelAccount). */
@Component(service = SvarInnAccounts.class)
public class SvarInnAccounts {

    private final List<SvarInnAccount> accounts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAccount(SvarInnAccount account) {
        accounts.add(account);
    }

    void removeAccount(SvarInnAccount account) {
        accounts.remove(account);
    }

    /** The accounts by name. */
    public List<SvarInnAccount> all() {
        return accounts.stream().sorted(Comparator.comparing(SvarInnAccount::name)).toList();
    }
}
