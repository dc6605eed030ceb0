package no.postmottak.svarinn.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.component.SvarInnAccounts;

@Command(scope = "postmottak", name = "svarinn-retry", description = "Forgets a forsendelse's failed attempts and"
        + " polls its account now")
@Service
public class SvarInnRetryCommand implements Action {

    @Reference
    SvarInnAccounts accounts;

    @Argument(index = 0, name = "forsendelse", description = "The forsendelse id", required = true)
    String forsendelseId;

    @Override
    public Object execute() {
        for (SvarInnAccount a : accounts.all()) {
            if (a.accountStatus().failedItems().stream().anyMatch(r -> r.forsendelseId().equals(forsendelseId))) {
                a.retry(forsendelseId);
                System.out.println("Retrying " + forsendelseId + " through account " + a.name());
                return null;
            }
        }
        System.out.println("No failed forsendelse " + forsendelseId + " is known");
        return null;
    }
}
