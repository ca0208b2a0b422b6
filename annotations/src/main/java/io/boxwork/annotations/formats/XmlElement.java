package io.boxwork.annotations.formats;

import io.boxwork.annotations.storage.MalformedFileException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A small XML element tree that remembers the line each element starts on (DOM forgets it), so a
 * bad value in an annotation file is reported where it stands.
 */
record XmlElement(String name, int line, String text, List<XmlElement> children) {

    static XmlElement parse(Path file) throws IOException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        Handler handler = new Handler();
        try (InputStream in = Files.newInputStream(file)) {
            // Annotation files come from anywhere: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = factory.newSAXParser();
            InputSource source = new InputSource(in);
            source.setSystemId(file.toUri().toString());
            parser.parse(source, handler);
        } catch (SAXParseException e) {
            throw new MalformedFileException(file, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), "",
                e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new MalformedFileException(file, 0, 0, "", e.getMessage());
        }
        return handler.root;
    }

    Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) if (c.name.equals(childName)) return Optional.of(c);
        return Optional.empty();
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    Optional<String> childText(String childName) {
        return child(childName).map(XmlElement::text).filter(t -> !t.isEmpty());
    }

    private static final class Handler extends DefaultHandler {
        private final Deque<Builder> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            open.push(new Builder(qName, locator == null ? 0 : locator.getLineNumber()));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) open.peek().text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Builder b = open.pop();
            XmlElement done = new XmlElement(b.name, b.line, b.text.toString().trim(), List.copyOf(b.children));
            if (open.isEmpty()) root = done; else open.peek().children.add(done);
        }
    }

    private static final class Builder {
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }
}
