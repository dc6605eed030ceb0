package no.postmottak.arkivmelding.internal;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin indenting layer over a StAX writer: every element either holds text or only child elements. */
final class Xml {

    private final XMLStreamWriter w;
    private final String ns;
    private int depth;

    Xml(XMLStreamWriter w, String ns) {
        this.w = w;
        this.ns = ns;
    }

    XMLStreamWriter raw() {
        return w;
    }

    Xml start(String name) throws XMLStreamException {
        return start(ns, name);
    }

    Xml start(String namespace, String name) throws XMLStreamException {
        indent();
        w.writeStartElement(namespace, name);
        depth++;
        return this;
    }

    /** Starts an element with an {@code xsi:type}. */
    Xml startTyped(String name, String xsiType) throws XMLStreamException {
        start(name);
        w.writeAttribute(StaxArkivmeldingWriter.XSI, "type", xsiType);
        return this;
    }

    Xml end() throws XMLStreamException {
        depth--;
        indent();
        w.writeEndElement();
        return this;
    }

    /** Writes {@code <name>value</name>}; writes nothing when the value is null or blank. */
    Xml leaf(String name, Object value) throws XMLStreamException {
        return leaf(ns, name, value);
    }

    Xml leaf(String namespace, String name, Object value) throws XMLStreamException {
        if (value == null || value.toString().isBlank()) {
            return this;
        }
        indent();
        w.writeStartElement(namespace, name);
        w.writeCharacters(clean(value.toString()));
        w.writeEndElement();
        return this;
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            w.writeCharacters("  ");
        }
    }

    /** XML 1.0 cannot carry most control characters, even escaped: drop them rather than write a broken file. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!bad && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
