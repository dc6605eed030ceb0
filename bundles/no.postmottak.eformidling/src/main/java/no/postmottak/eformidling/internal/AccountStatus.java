package no.postmottak.eformidling.internal;

import java.util.List;

/**
 * What an operator needs to know about one integrasjonspunkt configuration. Never holds the password.
 *
 * @param account       the configuration's name
 * @param baseUrl       the integrasjonspunkt's address
 * @param orgnrs        the org numbers it receives for
 * @param authenticated whether a user is configured (the IP's API should require one)
 * @param refusal       why the configuration was refused, or null when it polls
 * @param poller        the poller's status, or null when refused
 */
public record AccountStatus(String account, String baseUrl, List<String> orgnrs, boolean authenticated,
                            String refusal, IpPoller.PollerStatus poller) {

    public AccountStatus {
        orgnrs = List.copyOf(orgnrs);
    }

    /** The failed messages, or none. */
    public List<MessageResult> failedMessages() {
        return poller == null ? List.of() : poller.failedMessages();
    }
}
