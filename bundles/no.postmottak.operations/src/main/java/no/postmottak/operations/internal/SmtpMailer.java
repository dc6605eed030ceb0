package no.postmottak.operations.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Plain-text mail through one SMTP server (Jakarta Mail / Angus, as the inbox's forwarding). */
final class SmtpMailer implements Mailer {

    /** SMTP settings; {@code password} may be null for a relay without authentication. */
    record Smtp(String host, int port, String username, String password, boolean startTls, String from) {

        @Override
        public String toString() { // never the password
            return "Smtp[" + host + ":" + port + ", user=" + username + ", tls=" + startTls + ", from=" + from + "]";
        }
    }

    private static final String TIMEOUT_MS = "30000";

    private final Smtp smtp;

    SmtpMailer(Smtp smtp) {
        this.smtp = smtp;
    }

    @Override
    public void send(List<String> to, String subject, String body) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // In OSGi, Jakarta Mail finds its providers through the context class loader.
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Properties p = new Properties();
            p.put("mail.smtp.host", smtp.host());
            p.put("mail.smtp.port", Integer.toString(smtp.port()));
            p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
            p.put("mail.smtp.timeout", TIMEOUT_MS);
            p.put("mail.smtp.writetimeout", TIMEOUT_MS);
            p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
            p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
            boolean auth = smtp.username() != null && !smtp.username().isBlank();
            p.put("mail.smtp.auth", Boolean.toString(auth));
            Session session = Session.getInstance(p);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            for (String address : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
            }
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (auth) {
                Transport.send(message, smtp.username(), smtp.password() == null ? "" : smtp.password());
            } else {
                Transport.send(message);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
