package io.supportplatform.kb.mapping;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Article bodies are Markdown written by staff. Readers get HTML in which raw HTML from the source is escaped
 * and {@code javascript:} style links are dropped, so an article can never carry script into the portal; the
 * search index gets the plain text.
 */
public final class MarkdownBodies {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private MarkdownBodies() {
    }

    public static String safeHtml(String markdown) {
        return HTML.render(parse(markdown));
    }

    public static String plainText(String markdown) {
        return TEXT.render(parse(markdown));
    }

    private static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }
}
