package io.paperwire.source;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes response bodies leniently: bytes that are not valid in the document's encoding become U+FFFD instead of
 * failing the whole page, so one badly encoded abstract cannot cost a week of papers.
 */
final class Bodies {

    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*['\"]([A-Za-z0-9._-]+)['\"]");

    private Bodies() {}

    /** A reader over an XML body in the encoding its declaration names (UTF-8 when it names none). */
    static Reader xmlReader(byte[] body) {
        int offset = hasUtf8Bom(body) ? 3 : 0;
        String head = new String(body, offset, Math.min(200, body.length - offset), StandardCharsets.ISO_8859_1);
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = XML_ENCODING.matcher(head);
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return reader(body, offset, charset);
    }

    /** A reader over a UTF-8 body (JSON, HTML without a better hint). */
    static Reader utf8Reader(byte[] body) {
        return reader(body, hasUtf8Bom(body) ? 3 : 0, StandardCharsets.UTF_8);
    }

    static String utf8(byte[] body) {
        int offset = hasUtf8Bom(body) ? 3 : 0;
        return new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
    }

    private static Reader reader(byte[] body, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(new ByteArrayInputStream(body, offset, body.length - offset), decoder);
    }

    private static boolean hasUtf8Bom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    }
}
