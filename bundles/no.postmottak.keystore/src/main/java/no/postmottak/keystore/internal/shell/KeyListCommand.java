package no.postmottak.keystore.internal.shell;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.keystore.internal.KeyListing;

/** {@code postmottak:key-list}: the configured keys, their certificates and problems. Never prints secrets. */
@Command(scope = "postmottak", name = "key-list", description = "Viser de konfigurerte dekrypteringsnøklene")
@Service
public class KeyListCommand implements Action {

    @Reference
    KeyStoreService keyStore;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        KeyListing.HEADERS.forEach(table::column);
        for (List<String> row : KeyListing.rows(keyStore.keys(), Instant.now())) {
            table.addRow().addContent(row.toArray());
        }
        table.print(System.out);
        return null;
    }
}
