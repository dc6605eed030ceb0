package no.postmottak.operations.internal;

import java.util.List;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code postmottak:health}: every Postmottak health check with its status and messages, in Norwegian. */
@Command(scope = "postmottak", name = "health", description = "Viser helsesjekkene: status og hva som er galt")
@Service
public class HealthCommand implements Action {

    @Reference
    HealthCheckExecutor executor;

    @Option(name = "--alle", aliases = "-a", description = "Vis også meldingene fra sjekker som er OK")
    boolean all;

    @Override
    public Object execute() {
        List<HealthCheckExecutionResult> results = executor.execute(HealthCheckSelector.tags(Checks.TAG));
        Result.Status overall = Result.Status.OK;
        for (HealthCheckExecutionResult r : results) {
            Result result = r.getHealthCheckResult();
            overall = result.getStatus().ordinal() > overall.ordinal() ? result.getStatus() : overall;
            System.out.println(String.format("%-16s %s", r.getHealthCheckMetadata().getName(),
                    status(result.getStatus())));
            for (ResultLog.Entry e : result) {
                if (all || !e.getStatus().equals(Result.Status.OK)) {
                    System.out.println("    " + status(e.getStatus()) + ": " + e.getMessage());
                }
            }
        }
        System.out.println("Samlet: " + status(overall) + " (" + results.size() + " sjekker)");
        return null;
    }

    static String status(Result.Status status) {
        return switch (status) {
            case OK -> "OK";
            case WARN -> "ADVARSEL";
            case CRITICAL -> "KRITISK";
            case TEMPORARILY_UNAVAILABLE -> "MIDLERTIDIG UTILGJENGELIG";
            case HEALTH_CHECK_ERROR -> "FEIL I SJEKKEN";
            default -> status.name();
        };
    }
}
