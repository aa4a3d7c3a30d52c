package dev.shoal.thex;

import dev.shoal.protocol.TigerRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The THEX serialisation of a tree, as served at {@code /uri-res/N2X?urn:sha1:...}: a DIME message
 * whose first record is an XML description (file size, 1024-byte segments, the Tiger digest of 24
 * bytes, and a breadth-first serialised tree with its depth and a uri) and whose second record,
 * typed with the breadth-first URI and identified by that uri, holds the tree's nodes.
 */
public final class Thex {
    public static final String CONTENT_TYPE = "application/dime";
    /** Larger bodies are refused: the deepest tree servents send (depth 13) is under 400 KB. */
    public static final int MAX_BYTES = 1 << 20;
    static final String BREADTH_FIRST = "http://open-content.net/spec/thex/breadthfirst";
    static final String TIGER = "http://open-content.net/spec/digest/tiger";
    private static final String DTD = "http://open-content.net/spec/thex/thex.dtd";

    private Thex() {
    }

    /** The DIME message describing and carrying {@code tree}. */
    public static byte[] encode(HashTree tree) {
        String uri = uri(tree.root().digest());
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                + "<!DOCTYPE hashtree SYSTEM \"" + DTD + "\">\r\n"
                + "<hashtree>\r\n"
                + "<file size=\"" + tree.fileSize() + "\" segmentsize=\"" + HashTree.SEGMENT + "\"/>\r\n"
                + "<digest algorithm=\"" + TIGER + "\" outputsize=\"" + Tiger.BYTES + "\"/>\r\n"
                + "<serializedtree depth=\"" + tree.depth() + "\" type=\"" + BREADTH_FIRST + "\" uri=\"" + uri
                + "\"/>\r\n"
                + "</hashtree>\r\n";
        return Dime.encode(List.of(
                new Dime.Record(Dime.MIME, "text/xml", "", xml.getBytes(StandardCharsets.UTF_8)),
                new Dime.Record(Dime.URI, BREADTH_FIRST, uri, tree.breadthFirst())));
    }

    /**
     * The tree record's id, made from the root's first 16 bytes read as little-endian fields the
     * way gtk-gnutella makes it, so that both serialise a tree to the same bytes.
     */
    private static String uri(byte[] root) {
        ByteBuffer b = ByteBuffer.wrap(root).order(ByteOrder.LITTLE_ENDIAN);
        return String.format(Locale.ROOT, "uuid:%08x-%04x-%04x-%04x-%08x%04x", b.getInt(0), b.getShort(4),
                b.getShort(6), b.getShort(8), b.getInt(10), b.getShort(14));
    }

    /**
     * Reads a THEX message and checks it describes a file of {@code fileSize} bytes whose tree has
     * the root {@code expected}, and that the tree is consistent (see {@link HashTree#fromBreadthFirst}).
     *
     * @throws ThexException naming the first thing found wrong
     */
    public static HashTree decode(byte[] message, long fileSize, TigerRoot expected) throws ThexException {
        if (message.length > MAX_BYTES) {
            throw new ThexException("THEX message of " + message.length + " bytes is too large");
        }
        List<Dime.Record> records = Dime.decode(message);
        Dime.Record xml = records.stream().filter(r -> r.typeFormat() == Dime.MIME
                && r.type().toLowerCase(Locale.ROOT).startsWith("text/xml")).findFirst()
                .orElseThrow(() -> new ThexException("THEX message has no text/xml record"));
        Element root = parse(xml.data()).getDocumentElement();
        if (!"hashtree".equals(root.getTagName())) {
            throw new ThexException("THEX description is not a hashtree but " + root.getTagName());
        }
        Element file = child(root, "file");
        expect(file, "size", Long.toString(fileSize));
        expect(file, "segmentsize", Integer.toString(HashTree.SEGMENT));
        Element digest = child(root, "digest");
        expect(digest, "algorithm", TIGER);
        expect(digest, "outputsize", Integer.toString(Tiger.BYTES));
        Element serialized = child(root, "serializedtree");
        expect(serialized, "type", BREADTH_FIRST);
        String uri = serialized.getAttribute("uri");
        Dime.Record nodes = records.stream().filter(r -> r.type().equalsIgnoreCase(BREADTH_FIRST)
                && (uri.isEmpty() || r.id().equalsIgnoreCase(uri))).findFirst()
                .orElseThrow(() -> new ThexException("THEX message has no tree record for " + uri));
        return HashTree.fromBreadthFirst(fileSize, nodes.data(), expected);
    }

    private static Element child(Element parent, String name) throws ThexException {
        NodeList list = parent.getElementsByTagName(name);
        if (list.getLength() == 0) {
            throw new ThexException("THEX description lacks <" + name + ">");
        }
        return (Element) list.item(0);
    }

    private static void expect(Element e, String attribute, String value) throws ThexException {
        String got = e.getAttribute(attribute);
        if (!value.equals(got)) {
            throw new ThexException("THEX <" + e.getTagName() + " " + attribute + "> is \"" + got + "\", not \""
                    + value + "\"");
        }
    }

    /** Parses without ever loading the DTD it names or any other outside entity. */
    private static Document parse(byte[] xml) throws ThexException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    // Thrown, never printed: a peer's bad XML is reported once, by the caller.
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        } catch (SAXException | IOException e) {
            throw new ThexException("THEX description is not XML: " + e.getMessage(), e);
        }
    }
}
