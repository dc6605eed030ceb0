package no.postmottak.svarinn.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import no.postmottak.svarinn.internal.ItemResult;
import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.component.SvarInnAccounts;

@Command(scope = "postmottak", name = "svarinn-failed", description = "Viser forsendelser der siste forsøk feilet")
@Service
public class SvarInnFailedCommand implements Action {

    @Reference
    SvarInnAccounts accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Konto");
        table.column("Forsendelse");
        table.column("Utfall");
        table.column("Årsak").maxSize(120);
        for (SvarInnAccount account : accounts.all()) {
            for (ItemResult r : account.accountStatus().failedItems()) {
                table.addRow().addContent(account.name(), r.forsendelseId(), r.outcome(), r.message());
            }
        }
        table.print(System.out);
        return null;
    }
}
