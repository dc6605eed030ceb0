package no.postmottak.svarinn.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.component.SvarInnAccounts;

@Command(scope = "postmottak", name = "svarinn-retry", description = "Glemmer de mislykkede forsøkene for en forsendelse og henter nå for kontoen dens")
@Service
public class SvarInnRetryCommand implements Action {

    @Reference
    SvarInnAccounts accounts;

    @Argument(index = 0, name = "forsendelse", description = "Forsendelsens id", required = true)
    String forsendelseId;

    @Override
    public Object execute() {
        for (SvarInnAccount a : accounts.all()) {
            if (a.accountStatus().failedItems().stream().anyMatch(r -> r.forsendelseId().equals(forsendelseId))) {
                a.retry(forsendelseId);
                System.out.println("Prøver " + forsendelseId + " på nytt gjennom kontoen " + a.name());
                return null;
            }
        }
        System.out.println("Ingen feilet forsendelse med id " + forsendelseId + " er kjent");
        return null;
    }
}
