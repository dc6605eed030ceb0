package no.postmottak.svarinn.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.component.SvarInnAccounts;

@Command(scope = "postmottak", name = "svarinn-poll", description = "Henter fra SvarInn nå (alle kontoer, eller én); starter også en konto som stoppet fordi innloggingen ble avvist")
@Service
public class SvarInnPollCommand implements Action {

    @Reference
    SvarInnAccounts accounts;

    @Argument(index = 0, name = "account", description = "Kontoens konfigurasjonsnavn", required = false)
    String account;

    @Override
    public Object execute() {
        int found = 0;
        int n = 0;
        for (SvarInnAccount a : accounts.all()) {
            if (account == null || account.equals(a.name())) {
                found++;
                if (a.pollNow()) {
                    n++;
                } else {
                    System.out.println("Kontoen " + a.name() + " kan ikke hente: " + a.accountStatus().message());
                }
            }
        }
        System.out.println(found == 0 && account != null ? "Ingen SvarInn-konto heter " + account
                : "Henter nå for " + n + " konto(er)");
        return null;
    }
}
