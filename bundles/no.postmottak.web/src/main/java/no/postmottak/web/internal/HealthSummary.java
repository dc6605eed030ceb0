package no.postmottak.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Postmottak health checks (Felix HC, tag {@code postmottak}) for the administration page: each check's name,
 * status, and the messages that are not OK. Null when no health check executor runs (postmottak-operations is not
 * installed), so the page can say so.
 */
final class HealthSummary {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSummary.class);
    private static final String TAG = "postmottak";

    private final Supplier<HealthCheckExecutor> executor;

    HealthSummary(Supplier<HealthCheckExecutor> executor) {
        this.executor = executor;
    }

    List<Map<String, Object>> checks() {
        HealthCheckExecutor hc = executor.get();
        if (hc == null) {
            return null;
        }
        List<Map<String, Object>> checks = new ArrayList<>();
        try {
            for (HealthCheckExecutionResult r : hc.execute(HealthCheckSelector.tags(TAG))) {
                Result result = r.getHealthCheckResult();
                List<Map<String, Object>> messages = new ArrayList<>();
                for (ResultLog.Entry e : result) {
                    if (e.getStatus().ordinal() > Result.Status.OK.ordinal()) {
                        messages.add(JsonViews.map("status", e.getStatus().name(), "text", e.getMessage()));
                    }
                }
                checks.add(JsonViews.map("name", r.getHealthCheckMetadata().getName(),
                        "status", result.getStatus().name(), "messages", messages));
            }
        } catch (RuntimeException e) {
            LOG.warn("The health checks could not be run for the administration page", e);
            return null;
        }
        return checks;
    }
}
