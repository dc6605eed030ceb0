package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;

class WhiteboardProbeTest {

    @Test
    void theLoginPageUnderTheFirstEndpointOnTheLoopbackForAWildcardAddress() {
        assertThat(WhiteboardProbe.loginPage(runtime("http://0.0.0.0:8181/")))
                .isEqualTo(URI.create("http://127.0.0.1:8181/postmottak/login.html"));
        assertThat(WhiteboardProbe.loginPage(runtime(new String[] {"http://10.1.2.3:8181", "https://x:8443/"})))
                .isEqualTo(URI.create("http://10.1.2.3:8181/postmottak/login.html"));
        assertThat(WhiteboardProbe.loginPage(runtime(List.of("http://localhost:8181/"))))
                .isEqualTo(URI.create("http://localhost:8181/postmottak/login.html"));
        assertThat(WhiteboardProbe.loginPage(runtime(new String[] {"http://0:0:0:0:0:0:0:0:8181/"})))
                .isEqualTo(URI.create("http://127.0.0.1:8181/postmottak/login.html"));
        assertThat(WhiteboardProbe.loginPage(runtime(new String[] {"http://[::]:8181/"})))
                .isEqualTo(URI.create("http://127.0.0.1:8181/postmottak/login.html"));
    }

    @Test
    void noHttpEndpointNoProbe() {
        assertThat(WhiteboardProbe.loginPage(runtime("/"))).as("Pax Web's value before the server runs").isNull();
        assertThat(WhiteboardProbe.loginPage(runtime("https://0.0.0.0:8443/"))).isNull();
        assertThat(WhiteboardProbe.loginPage(runtime(null))).isNull();
        assertThat(WhiteboardProbe.loginPage(new RuntimeDTO())).isNull();
    }

    private static RuntimeDTO runtime(Object endpoint) {
        Map<String, Object> properties = new HashMap<>();
        if (endpoint != null) {
            properties.put("osgi.http.endpoint", endpoint);
        }
        RuntimeDTO dto = new RuntimeDTO();
        dto.serviceDTO = new ServiceReferenceDTO();
        dto.serviceDTO.properties = properties;
        return dto;
    }
}
