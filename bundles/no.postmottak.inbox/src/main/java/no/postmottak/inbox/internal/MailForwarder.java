package no.postmottak.inbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends an e-mail with streamed attachments through an organisation's SMTP server (Jakarta Mail / Angus). */
final class MailForwarder {

    /** One attachment; {@code content} opens a fresh stream each time it is called. */
    record Attachment(String fileName, String mediaType, IoSupplier content) {
    }

    @FunctionalInterface
    interface IoSupplier {
        InputStream open() throws IOException;
    }

    private static final int TIMEOUT_MS = 60_000;

    void send(Organisation.Smtp smtp, String to, String subject, String body, List<Attachment> attachments)
            throws MessagingException {
        if (smtp.fromAddress() == null) {
            throw new MessagingException("Avsenderadresse for videresending er ikke konfigurert");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // In OSGi, Jakarta Mail and Activation find their providers and mailcap through the context class loader.
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties(smtp));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.fromAddress()));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, "UTF-8");
            MimeMultipart multipart = new MimeMultipart();
            multipart.addBodyPart(part("text/plain; charset=UTF-8", "quoted-printable",
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null));
            for (Attachment a : attachments) {
                multipart.addBodyPart(part(a.mediaType(), "base64", a.content(), a.fileName()));
            }
            message.setContent(multipart);
            message.saveChanges();
            if (smtp.username() != null) {
                Transport.send(message, smtp.username(), smtp.password() == null ? "" : smtp.password());
            } else {
                Transport.send(message);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Properties properties(Organisation.Smtp smtp) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.tls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.tls()));
        p.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MS));
        p.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MS));
        return p;
    }

    /**
     * A body part whose content is read from the stream only while the message is written, so attachments never
     * sit in memory. A fixed transfer encoding spares Jakarta Mail a first pass over the content to choose one.
     */
    private static MimeBodyPart part(String mediaType, String encoding, IoSupplier content, String fileName)
            throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new DataSource() {
            @Override
            public InputStream getInputStream() throws IOException {
                return content.open();
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public String getContentType() {
                return mediaType;
            }

            @Override
            public String getName() {
                return fileName;
            }
        }));
        if (fileName != null) {
            part.setFileName(fileName); // RFC 2231-encoded when not ASCII (mail.mime.encodeparameters)
            part.setDisposition(MimeBodyPart.ATTACHMENT);
        }
        part.setHeader("Content-Type", mediaType);
        part.setHeader("Content-Transfer-Encoding", encoding);
        return part;
    }
}
