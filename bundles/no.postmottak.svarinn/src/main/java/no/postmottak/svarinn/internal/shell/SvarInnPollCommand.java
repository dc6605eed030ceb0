package no.postmottak.svarinn.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.component.SvarInnAccounts;

@Command(scope = "postmottak", name = "svarinn-poll", description = "Polls SvarInn now (all accounts, or one);"
        + " also resumes an account stopped by an authentication failure")
@Service
public class SvarInnPollCommand implements Action {

    @Reference
    SvarInnAccounts accounts;

    @Argument(index = 0, name = "account", description = "The account's configuration name", required = false)
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
                    System.out.println("Account " + a.name() + " cannot poll: " + a.accountStatus().message());
                }
            }
        }
        System.out.println(found == 0 && account != null ? "No such SvarInn account: " + account
                : "Polling " + n + " account(s) now");
        return null;
    }
}
