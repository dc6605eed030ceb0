package no.postmottak.operations.internal;

import java.util.List;

/** Sends one plain-text mail. */
@FunctionalInterface
interface Mailer {

    void send(List<String> to, String subject, String body) throws Exception;
}
