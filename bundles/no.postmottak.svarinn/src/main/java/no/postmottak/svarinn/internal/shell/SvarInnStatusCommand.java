package no.postmottak.svarinn.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.svarinn.internal.AccountStatus;
import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.component.SvarInnAccounts;

@Command(scope = "postmottak", name = "svarinn-status", description = "Shows every SvarInn account: state, last and"
        + " next poll, counts and alerts")
@Service
public class SvarInnStatusCommand implements Action {

    @Reference
    SvarInnAccounts accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("API");
        table.column("State");
        table.column("Last poll");
        table.column("Next poll");
        table.column("Received");
        table.column("Failed");
        table.column("Last result");
        List<SvarInnAccount> all = accounts.all();
        for (SvarInnAccount account : all) {
            AccountStatus s = account.accountStatus();
            table.addRow().addContent(s.account(), account.apiVersion(), s.state(), s.lastPoll(), s.nextPoll(), s.received(), s.failed(),
                    s.lastResult());
        }
        table.print(System.out);
        // The same alerts as the administration page, certificate expiry included.
        for (SvarInnAccount account : all) {
            for (ChannelAlert alert : account.status().alerts()) {
                System.out.println("ALERT [" + account.name() + "] " + alert.severity() + " " + alert.kind() + ": "
                        + alert.text());
            }
        }
        return null;
    }
}
