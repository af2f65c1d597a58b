package io.animo.listening.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document with Rome into entries: the encoding comes from the
 * HTTP content type, the XML declaration or the byte order mark; DOCTYPEs are refused (no external entities). An
 * entry is known by its guid or Atom id, else its link, else a hash of its title and text; its text is its content
 * or summary without markup, cut at {@value #MAX_BODY} characters.
 */
final class FeedEntries {

    static final int MAX_BODY = 10_000;
    static final int MAX_ENTRIES = 200;
    private static final int MAX_FIELD = 500;
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FeedEntries() {
    }

    /** The feed's entries (the first {@value #MAX_ENTRIES}, once each); throws with a clear message when unreadable. */
    static List<Entry> read(byte[] document, String contentType) throws FeedException, IOException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(document), contentType, true));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (SyndEntry item : feed.getEntries()) {
            if (entries.size() == MAX_ENTRIES) {
                break;
            }
            Entry entry = entry(item);
            if (entry != null) {
                entries.putIfAbsent(entry.key(), entry);
            }
        }
        return new ArrayList<>(entries.values());
    }

    private static Entry entry(SyndEntry item) {
        String title = clip(text(item.getTitle()), MAX_FIELD);
        String body = text(content(item));
        if (body.isEmpty()) {
            body = title;
        }
        if (body.isEmpty()) {
            return null; // nothing to read
        }
        body = clip(body, MAX_BODY);
        String link = clip(blankToNull(item.getLink()), 2_000);
        String key = blankToNull(item.getUri());
        if (key == null) {
            key = link;
        }
        if (key == null) {
            key = "sha256:" + sha256(title + "\n" + body);
        }
        Instant published = item.getPublishedDate() != null
                ? item.getPublishedDate().toInstant()
                : item.getUpdatedDate() == null ? null : item.getUpdatedDate().toInstant();
        return new Entry(clip(key, MAX_FIELD), title.isEmpty() ? null : title, link,
                clip(blankToNull(item.getAuthor()), MAX_FIELD), body, published);
    }

    private static String content(SyndEntry item) {
        StringBuilder text = new StringBuilder();
        for (SyndContent content : item.getContents()) {
            text.append(content.getValue() == null ? "" : content.getValue()).append(' ');
        }
        if (text.toString().isBlank() && item.getDescription() != null) {
            text.append(item.getDescription().getValue());
        }
        return text.toString();
    }

    /** Text without markup, entities of the markup decoded, spaces collapsed. */
    static String text(String html) {
        if (html == null) {
            return "";
        }
        String plain = TAGS.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'")
                .replace("&amp;", "&");
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
