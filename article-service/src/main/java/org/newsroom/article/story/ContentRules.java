package org.newsroom.article.story;

import org.newsroom.platform.text.InlineMarkup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.newsroom.article.config.ArticleProperties;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.Problems;

import org.springframework.stereotype.Component;

/**
 * The newsroom's rules for article content. Every broken rule is collected and reported at once
 * (422, each with its field), and the content comes back normalised: text stripped, absent lists
 * empty, language defaulted.
 */
@Component
public class ContentRules {

	public static final int MAX_HEADLINE = 200;
	public static final int MAX_DECK = 300;
	public static final int MAX_SUMMARY = 600;
	public static final int MAX_BODY_BYTES = 200 * 1024;
	public static final int MAX_BLOCKS = 300;
	public static final int MAX_BLOCK_TEXT = 20_000;
	public static final int MAX_TAGS = 20;
	public static final int MAX_TAG = 50;
	public static final int MAX_AUTHORS = 10;
	public static final int MAX_NAME = 100;
	public static final int MAX_CAPTION = 1000;
	public static final int MAX_RELATED = 20;
	public static final String DEFAULT_LANGUAGE = "en";

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.&'-]*");
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
	private static final Set<String> BLOCK_TYPES = Set.of(Block.PARAGRAPH, Block.HEADING, Block.QUOTE, Block.IMAGE,
			Block.EMBED);

	private final ArticleProperties properties;

	public ContentRules(ArticleProperties properties) {
		this.properties = properties;
	}

	/** The normalised content, or a 422 listing every problem. {@code selfId} is null for a new article. */
	public ArticleContent check(ArticleDraft draft, String selfId) {
		List<FieldProblem> errors = new ArrayList<>();
		String headline = line(draft.headline(), "headline", MAX_HEADLINE, true, errors);
		String deck = line(draft.deck(), "deck", MAX_DECK, false, errors);
		String summary = text(draft.summary(), "summary", MAX_SUMMARY, false, errors);
		String section = draft.section();
		if (section == null || section.isBlank()) {
			errors.add(new FieldProblem("section", "required; one of " + properties.sections()));
		}
		else if (!properties.sections().contains(section)) {
			errors.add(new FieldProblem("section", "unknown section; one of " + properties.sections()));
		}
		List<Block> body = body(draft.body(), errors);
		List<String> tags = tags(draft.tags(), errors);
		List<String> byline = names(draft.byline(), "byline", MAX_AUTHORS, errors);
		String source = line(draft.source(), "source", MAX_NAME, false, errors);
		String dateline = line(draft.dateline(), "dateline", MAX_NAME, false, errors);
		String language = draft.language() == null ? DEFAULT_LANGUAGE : draft.language();
		if (!LANGUAGE.matcher(language).matches()) {
			errors.add(new FieldProblem("language", "a language code such as en or ko (BCP 47, lowercase language)"));
		}
		String lead = draft.leadMediaId();
		if (lead != null && !Ids.isValid(lead)) {
			errors.add(new FieldProblem("leadMediaId", "not a media id (24 lowercase hex digits)"));
		}
		List<String> related = related(draft.relatedIds(), selfId, errors);
		if (!errors.isEmpty()) {
			FieldProblem first = errors.get(0);
			String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
			throw Problems.invalid(first.field() + ": " + first.message() + more, errors);
		}
		return new ArticleContent(headline, deck, summary, body, section, tags, byline, source, dateline, language,
				lead, related, draft.embargoUntil());
	}

	public static final int MAX_CORRECTION = 1000;

	/** A correction's text: plain text, 1 to 1000 characters. */
	public String correction(String value) {
		List<FieldProblem> errors = new ArrayList<>();
		String text = text(value, "text", MAX_CORRECTION, true, errors);
		if (!errors.isEmpty()) {
			throw Problems.invalid("text: " + errors.get(0).message(), errors);
		}
		return text;
	}

	private List<Block> body(List<Block> blocks, List<FieldProblem> errors) {
		if (blocks == null) {
			return List.of();
		}
		if (blocks.size() > MAX_BLOCKS) {
			errors.add(new FieldProblem("body", "at most " + MAX_BLOCKS + " blocks"));
			return List.of();
		}
		long bytes = 0;
		List<Block> clean = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			Block block = blocks.get(i);
			String at = "body[" + i + "]";
			if (block == null) {
				errors.add(new FieldProblem(at, "must be a block object"));
				continue;
			}
			if (block.type() == null || !BLOCK_TYPES.contains(block.type())) {
				errors.add(new FieldProblem(at + ".type", "must be paragraph, heading, quote, image or embed"));
				continue;
			}
			Block checked = block(block, at, errors);
			bytes += size(checked.text()) + size(checked.attribution()) + size(checked.caption()) + size(checked.url());
			clean.add(checked);
		}
		if (bytes > MAX_BODY_BYTES) {
			errors.add(new FieldProblem("body", "at most " + (MAX_BODY_BYTES / 1024) + " KB of text (UTF-8); this body has "
					+ (bytes + 1023) / 1024 + " KB"));
		}
		return clean;
	}

	private Block block(Block block, String at, List<FieldProblem> errors) {
		String type = block.type();
		boolean textual = type.equals(Block.PARAGRAPH) || type.equals(Block.HEADING) || type.equals(Block.QUOTE);
		notAllowed(block.text(), !textual, at + ".text", type, errors);
		notAllowed(block.attribution(), !type.equals(Block.QUOTE), at + ".attribution", type, errors);
		notAllowed(block.mediaId(), !type.equals(Block.IMAGE), at + ".mediaId", type, errors);
		notAllowed(block.caption(), !type.equals(Block.IMAGE), at + ".caption", type, errors);
		notAllowed(block.url(), !type.equals(Block.EMBED), at + ".url", type, errors);
		String text = null;
		if (textual) {
			text = text(block.text(), at + ".text", MAX_BLOCK_TEXT, true, errors);
			if (text != null) {
				try {
					InlineMarkup.parse(text);
				}
				catch (InlineMarkup.InvalidLink e) {
					errors.add(new FieldProblem(at + ".text", e.getMessage()));
				}
			}
		}
		String attribution = type.equals(Block.QUOTE) ? line(block.attribution(), at + ".attribution", MAX_NAME * 2, false, errors)
				: null;
		String mediaId = null;
		String caption = null;
		if (type.equals(Block.IMAGE)) {
			mediaId = block.mediaId();
			if (!Ids.isValid(mediaId)) {
				errors.add(new FieldProblem(at + ".mediaId", "required: a media id (24 lowercase hex digits)"));
			}
			caption = text(block.caption(), at + ".caption", MAX_CAPTION, false, errors);
		}
		String url = null;
		if (type.equals(Block.EMBED)) {
			url = block.url();
			if (url == null || url.isBlank()) {
				errors.add(new FieldProblem(at + ".url", "required: an http or https address"));
			}
			else {
				String problem = InlineMarkup.urlProblem(url.strip());
				if (problem != null) {
					errors.add(new FieldProblem(at + ".url", problem));
				}
				url = url.strip();
			}
		}
		return new Block(type, text, attribution, mediaId, caption, url);
	}

	private static void notAllowed(String value, boolean forbidden, String field, String type, List<FieldProblem> errors) {
		if (forbidden && value != null) {
			errors.add(new FieldProblem(field, "not allowed in a " + type + " block"));
		}
	}

	private List<String> tags(List<String> tags, List<FieldProblem> errors) {
		if (tags == null) {
			return List.of();
		}
		if (tags.size() > MAX_TAGS) {
			errors.add(new FieldProblem("tags", "at most " + MAX_TAGS + " tags"));
			return List.of();
		}
		Set<String> clean = new LinkedHashSet<>();
		for (int i = 0; i < tags.size(); i++) {
			String tag = tags.get(i) == null ? null : tags.get(i).strip();
			if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG || !TAG.matcher(tag).matches()) {
				errors.add(new FieldProblem("tags[" + i + "]",
						"1 to " + MAX_TAG + " letters, digits, spaces or - _ . & ', starting with a letter or digit"));
			}
			else {
				clean.add(tag);
			}
		}
		return List.copyOf(clean);
	}

	private List<String> names(List<String> names, String field, int max, List<FieldProblem> errors) {
		if (names == null) {
			return List.of();
		}
		if (names.size() > max) {
			errors.add(new FieldProblem(field, "at most " + max + " names"));
			return List.of();
		}
		List<String> clean = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = line(names.get(i), field + "[" + i + "]", MAX_NAME, true, errors);
			if (name != null) {
				clean.add(name);
			}
		}
		return List.copyOf(clean);
	}

	private List<String> related(List<String> ids, String selfId, List<FieldProblem> errors) {
		if (ids == null) {
			return List.of();
		}
		if (ids.size() > MAX_RELATED) {
			errors.add(new FieldProblem("relatedIds", "at most " + MAX_RELATED + " articles"));
			return List.of();
		}
		Set<String> clean = new LinkedHashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			if (!Ids.isValid(id)) {
				errors.add(new FieldProblem("relatedIds[" + i + "]", "not an article id (24 lowercase hex digits)"));
			}
			else if (id.equals(selfId)) {
				errors.add(new FieldProblem("relatedIds[" + i + "]", "an article cannot be related to itself"));
			}
			else {
				clean.add(id);
			}
		}
		return List.copyOf(clean);
	}

	/** Single-line text: no line breaks or other control characters. */
	private static String line(String value, String field, int max, boolean required, List<FieldProblem> errors) {
		String text = text(value, field, max, required, errors);
		if (text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0)) {
			errors.add(new FieldProblem(field, "must be a single line"));
			return null;
		}
		return text;
	}

	/**
	 * Text that is safe everywhere it goes (JSON, HTML, XML feeds): line breaks and tabs are the
	 * only control characters allowed; lone surrogates and the non-characters XML forbids are refused.
	 */
	private static String text(String value, String field, int max, boolean required, List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldProblem(field, "required"));
			}
			return null;
		}
		String text = value.strip().replace("\r\n", "\n");
		if (text.codePointCount(0, text.length()) > max) {
			errors.add(new FieldProblem(field, "at most " + max + " characters"));
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
			boolean loneSurrogate = Character.isHighSurrogate(c)
					? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
					: Character.isLowSurrogate(c);
			if (control || loneSurrogate || c == '\uFFFE' || c == '\uFFFF') {
				errors.add(new FieldProblem(field, "contains a control character or an invalid character"));
				return null;
			}
		}
		return text;
	}

	private static long size(String value) {
		return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
	}
}
