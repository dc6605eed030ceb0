package no.postmottak.eformidling.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.eformidling.internal.EformidlingAccount;
import no.postmottak.eformidling.internal.component.EformidlingAccounts;

@Command(scope = "postmottak", name = "eformidling-status", description = "Viser hvert integrasjonspunkt: tilstand,"
        + " siste og neste henting, antall og varsler")
@Service
public class EformidlingStatusCommand implements Action {

    @Reference
    EformidlingAccounts accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Integrasjonspunkt");
        table.column("Adresse");
        table.column("Tilstand");
        table.column("Siste henting");
        table.column("Neste henting");
        table.column("Mottatt");
        table.column("Feilet");
        table.column("Resultat").maxSize(80);
        List<EformidlingAccount> all = accounts.all();
        for (EformidlingAccount account : all) {
            ChannelStatus s = account.status();
            table.addRow().addContent(s.account(), account.accountStatus().baseUrl(), s.state(),
                    s.lastPoll() == null ? "" : s.lastPoll().started(), s.nextPoll() == null ? "" : s.nextPoll(),
                    s.received(), s.failed(), s.lastPoll() == null ? "Ikke hentet ennå" : s.lastPoll().summary());
        }
        table.print(System.out);
        // The same alerts as the administration page.
        for (EformidlingAccount account : all) {
            for (ChannelAlert alert : account.status().alerts()) {
                System.out.println("VARSEL [" + account.name() + "] " + alert.severity() + " " + alert.kind() + ": "
                        + alert.text());
            }
        }
        return null;
    }
}
