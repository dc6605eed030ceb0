package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

class HealthSummaryTest {

    @Test
    void eachCheckWithItsStatusAndOnlyTheMessagesThatAreNotOk() {
        ResultLog log = new ResultLog();
        log.add(new ResultLog.Entry(Result.Status.OK, "SvarInn-kontoen «a» hentet sist 01.06.2026 kl. 12:00"));
        log.add(new ResultLog.Entry(Result.Status.CRITICAL, "SvarInn-kontoen «b» henter ikke post"));
        HealthCheckExecutor executor = new HealthCheckExecutor() {
            @Override
            public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector) {
                assertThat(selector.tags()).containsExactly("postmottak");
                return List.of(result("Kanaler", new Result(log)));
            }

            @Override
            public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector,
                                                            HealthCheckExecutionOptions options) {
                return execute(selector);
            }
        };

        List<Map<String, Object>> checks = new HealthSummary(() -> executor).checks();

        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("name", "Kanaler").containsEntry("status", "CRITICAL");
            assertThat(c.get("messages")).isEqualTo(List.of(Map.of("status", "CRITICAL",
                    "text", "SvarInn-kontoen «b» henter ikke post")));
        });
        assertThat(new HealthSummary(() -> null).checks()).isNull();
    }

    private static HealthCheckExecutionResult result(String name, Result result) {
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getProperty" -> switch ((String) args[0]) {
                        case "hc.name" -> name;
                        case "service.id" -> 1L;
                        default -> null;
                    };
                    case "hashCode" -> 1;
                    default -> null;
                });
        HealthCheckMetadata metadata = new HealthCheckMetadata(reference);
        return new HealthCheckExecutionResult() {
            @Override
            public Result getHealthCheckResult() {
                return result;
            }

            @Override
            public long getElapsedTimeInMs() {
                return 1;
            }

            @Override
            public Date getFinishedAt() {
                return new Date();
            }

            @Override
            public boolean hasTimedOut() {
                return false;
            }

            @Override
            public HealthCheckMetadata getHealthCheckMetadata() {
                return metadata;
            }
        };
    }
}
