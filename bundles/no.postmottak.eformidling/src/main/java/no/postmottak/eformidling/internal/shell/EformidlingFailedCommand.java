package no.postmottak.eformidling.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import no.postmottak.eformidling.internal.EformidlingAccount;
import no.postmottak.eformidling.internal.MessageResult;
import no.postmottak.eformidling.internal.component.EformidlingAccounts;

@Command(scope = "postmottak", name = "eformidling-failed", description = "Viser meldinger som ikke kunne mottas"
        + " ved siste forsøk; de ligger fortsatt i integrasjonspunktet")
@Service
public class EformidlingFailedCommand implements Action {

    @Reference
    EformidlingAccounts accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Integrasjonspunkt");
        table.column("Melding");
        table.column("Utfall");
        table.column("Årsak").maxSize(120);
        for (EformidlingAccount account : accounts.all()) {
            for (MessageResult r : account.accountStatus().failedMessages()) {
                table.addRow().addContent(account.name(), r.messageId(), r.outcome(), r.message());
            }
        }
        table.print(System.out);
        return null;
    }
}
