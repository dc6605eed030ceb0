package no.postmottak.eformidling.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import no.postmottak.eformidling.internal.EformidlingAccount;
import no.postmottak.eformidling.internal.component.EformidlingAccounts;

@Command(scope = "postmottak", name = "eformidling-poll", description = "Henter fra integrasjonspunktet nå (alle,"
        + " eller ett); prøver også uleselige meldinger igjen og starter henting etter avvist innlogging")
@Service
public class EformidlingPollCommand implements Action {

    @Reference
    EformidlingAccounts accounts;

    @Argument(index = 0, name = "integrasjonspunkt", description = "Konfigurasjonens navn", required = false)
    String account;

    @Override
    public Object execute() {
        int found = 0;
        int polling = 0;
        for (EformidlingAccount a : accounts.all()) {
            if (account == null || account.equals(a.name())) {
                found++;
                if (a.pollNow()) {
                    polling++;
                } else {
                    System.out.println("Integrasjonspunktet " + a.name() + " kan ikke hente nå");
                }
            }
        }
        System.out.println(found == 0 && account != null ? "Fant ikke integrasjonspunktet " + account
                : "Henter fra " + polling + " integrasjonspunkt nå");
        return null;
    }
}
