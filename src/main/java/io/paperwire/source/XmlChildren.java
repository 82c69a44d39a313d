package io.paperwire.source;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Walks the child elements of the element a StAX reader stands on, up to that element's end tag. */
final class XmlChildren {

    /** Reads one child element by name; true when it read the element to its end tag (e.g. getElementText). */
    @FunctionalInterface
    interface Reader {
        boolean read(String localName) throws XMLStreamException;
    }

    private XmlChildren() {}

    /** Hands each child element to {@code child}; elements it leaves unread are skipped with all they contain. */
    static void each(XMLStreamReader xml, Reader child) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT && !child.read(xml.getLocalName())) {
                depth++;
            }
        }
    }
}
