package org.newsroom.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.e2e.HostileCase.Body.HTML;
import static org.newsroom.e2e.HostileCase.Body.JSON;
import static org.newsroom.e2e.HostileCase.Body.PROBLEM;
import static org.newsroom.e2e.HostileRequest.get;
import static org.newsroom.e2e.HostileRequest.of;

/**
 * The hostile-input table: every public and editor endpoint of docs/architecture.md, the sections of the three services and the gateway, fed broken
 * and deeply nested JSON, wrong types, huge values, Mongo operators, traversal and encoded paths,
 * injected headers, forged and foreign tokens, oversize and fake uploads. Each row names the
 * statuses the contract allows (docs/problems.md).
 */
final class HostileCases {

	static final String ARTICLES = "article-service";
	static final String MEDIA = "media-service";
	static final String UNKNOWN_ID = "0000000000000000000000ff";

	/** What the table needs from the running stack. */
	record Fixture(String editor, String admin, String reader, String ingest, String masterRealm, JsonNode jwks,
			String published, String slug, String draft, String photo, byte[] jpeg) {
	}

	private final Fixture f;
	private final List<HostileCase> cases = new ArrayList<>();
	private String category;

	private HostileCases(Fixture fixture) {
		this.f = fixture;
	}

	static List<HostileCase> all(Fixture fixture) {
		HostileCases table = new HostileCases(fixture);
		table.brokenJson();
		table.wrongTypes();
		table.hugeValues();
		table.mongoOperators();
		table.traversalAndEncoding();
		table.headerInjection();
		table.tokens();
		table.uploads();
		table.lifecycleAndIds();
		table.xssInput();
		return table.cases;
	}

	// ---- the table ---------------------------------------------------------------------------

	private void brokenJson() {
		category = "broken-json";
		String p = "/api/articles";
		problem("article: cut short", HostileRequest.json("POST", p, "{\"headline\": ").token(f.editor()), ARTICLES, 400);
		problem("article: not JSON", HostileRequest.json("POST", p, "headline=x&section=world").token(f.editor()), ARTICLES, 400);
		problem("article: empty body", HostileRequest.json("POST", p, "").token(f.editor()), ARTICLES, 400);
		problem("article: array instead of object", HostileRequest.json("POST", p, "[]").token(f.editor()), ARTICLES, 400);
		problem("article: bare string", HostileRequest.json("POST", p, "\"headline\"").token(f.editor()), ARTICLES, 400);
		problem("article: null", HostileRequest.json("POST", p, "null").token(f.editor()), ARTICLES, 400);
		problem("article: trailing document", HostileRequest.json("POST", p, article("x") + " {\"headline\": \"y\"}").token(f.editor()),
				ARTICLES, 400);
		problem("article: single quotes", HostileRequest.json("POST", p, "{'headline': 'x', 'section': 'world'}").token(f.editor()),
				ARTICLES, 400);
		problem("article: comments", HostileRequest.json("POST", p, "{/* c */ \"headline\": \"x\", \"section\": \"world\"}")
			.token(f.editor()), ARTICLES, 400);
		problem("article: NaN", HostileRequest.json("POST", p, "{\"headline\": NaN, \"section\": \"world\"}").token(f.editor()),
				ARTICLES, 400);
		problem("article: invalid UTF-8", HostileRequest.json("POST", p, "").body(concat("{\"headline\": \"".getBytes(),
				new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3 }, "\", \"section\": \"world\"}".getBytes()))
			.token(f.editor()), ARTICLES, 400);
		problem("article: 5000 nested arrays in body", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"body\": " + "[".repeat(5000) + "]".repeat(5000) + "}").token(f.editor()), ARTICLES, 400);
		problem("article: 3000 nested objects", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"deck\": "
				+ "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}").token(f.editor()), ARTICLES, 400);
		problem("update: cut short", HostileRequest.json("PUT", p + "/" + f.draft(), "{\"headline\"").token(f.editor())
			.header("If-Match", "\"1\""), ARTICLES, 400);
		problem("correction: cut short", HostileRequest.json("POST", p + "/" + f.published() + "/corrections", "{\"text\": ")
			.token(f.editor()), ARTICLES, 400);
		problem("publish: cut short", HostileRequest.json("POST", p + "/" + f.draft() + "/publish", "{\"at\": ").token(f.editor()),
				ARTICLES, 400);
		problem("media patch: cut short", mergePatch(f.photo(), "{\"caption\": "), MEDIA, 400);
		problem("media patch: 3000 nested objects", mergePatch(f.photo(), "{\"caption\": " + "{\"a\":".repeat(3000)
				+ "1" + "}".repeat(3000) + "}"), MEDIA, 400);
		problem("view: cut short", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\""), null, 400);
		problem("view: array", HostileRequest.json("POST", "/api/rankings/views", "[\"" + f.published() + "\"]"), null, 400);
		problem("view: 5000 nested arrays", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": " + "[".repeat(5000)
				+ "]".repeat(5000) + "}"), null, 400, 413);
		problem("view batch: cut short", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": [").token(f.ingest()),
				null, 400);
		problem("view batch: 5000 nested arrays", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": "
				+ "[".repeat(5000) + "]".repeat(5000) + "}").token(f.ingest()), null, 400);

		category = "content-type";
		problem("article as text/plain", of("POST", p).header("Content-Type", "text/plain").body(article("x"))
			.token(f.editor()), ARTICLES, 415);
		problem("article as XML", of("POST", p).header("Content-Type", "application/xml")
			.body("<article><headline>x</headline></article>").token(f.editor()), ARTICLES, 415);
		problem("article without Content-Type", of("POST", p).body(article("x")).token(f.editor()), ARTICLES, 415);
		problem("article as multipart", of("POST", p).header("Content-Type", "multipart/form-data; boundary=b")
			.body("--b\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nx\r\n--b--\r\n").token(f.editor()),
				ARTICLES, 415);
		problem("media patch as text/plain", of("PATCH", "/api/media/" + f.photo()).header("Content-Type", "text/plain")
			.body("{\"caption\": \"x\"}").token(f.editor()), MEDIA, 415);
		problem("media upload as JSON", HostileRequest.json("POST", "/api/media", "{\"credit\": \"AFP\"}").token(f.editor()), MEDIA, 415);
		problem("view as a form post", of("POST", "/api/rankings/views")
			.header("Content-Type", "application/x-www-form-urlencoded").body("articleId=%24where"), null, 400, 415);
	}

	private void wrongTypes() {
		category = "wrong-type";
		String p = "/api/articles";
		String[][] fields = { { "headline", "5" }, { "headline", "{}" }, { "headline", "[\"a\", \"b\"]" },
				{ "section", "[\"world\"]" }, { "tags", "\"a\"" }, { "tags", "[1, 2]" }, { "byline", "{\"a\": 1}" },
				{ "body", "{}" }, { "body", "[\"text\"]" }, { "body", "[{\"type\": 5}]" }, { "relatedIds", "7" },
				{ "embargoUntil", "\"tomorrow\"" }, { "leadMediaId", "123" }, { "language", "true" }, { "deck", "false" },
				{ "summary", "[]" } };
		for (String[] field : fields) {
			String body = field[0].equals("headline") ? "{\"headline\": " + field[1] + ", \"section\": \"world\"}"
					: field[0].equals("section") ? "{\"headline\": \"x\", \"section\": " + field[1] + "}"
							: "{\"headline\": \"x\", \"section\": \"world\", \"" + field[0] + "\": " + field[1] + "}";
			problem("article " + field[0] + " = " + field[1], HostileRequest.json("POST", p, body).token(f.editor()), ARTICLES, 400);
		}
		problem("correction text = 5", HostileRequest.json("POST", p + "/" + f.published() + "/corrections", "{\"text\": 5}")
			.token(f.editor()), ARTICLES, 400);
		problem("correction text = [..]", HostileRequest.json("POST", p + "/" + f.published() + "/corrections", "{\"text\": [\"a\"]}")
			.token(f.editor()), ARTICLES, 400);
		problem("publish at = yesterday", HostileRequest.json("POST", p + "/" + f.draft() + "/publish", "{\"at\": \"yesterday\"}")
			.token(f.editor()), ARTICLES, 400);
		problem("publish at = true", HostileRequest.json("POST", p + "/" + f.draft() + "/publish", "{\"at\": true}").token(f.editor()),
				ARTICLES, 400);
		problem("media caption = 5", mergePatch(f.photo(), "{\"caption\": 5}"), MEDIA, 400, 422);
		problem("media width (read-only)", mergePatch(f.photo(), "{\"width\": 1}"), MEDIA, 400, 422);
		problem("media rightsExpireAt = soon", mergePatch(f.photo(), "{\"rightsExpireAt\": \"soon\"}"), MEDIA, 400, 422);
		problem("view articleId = 12345", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": 12345}"), null, 400);
		problem("view articleId = true", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": true}"), null, 400);
		problem("view articleId = null", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": null}"), null, 400);
		problem("batch views = {}", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": {}}").token(f.ingest()),
				null, 400);
		problem("batch visitorId = 5", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": [{\"articleId\": \""
				+ f.published() + "\", \"visitorId\": 5, \"at\": \"x\"}]}").token(f.ingest()), null, 400);
		for (String query : List.of("size=abc", "size=-1", "size=1e3", "size=101", "section=gossip", "size=")) {
			problem("list ?" + query, get(p + "?" + query), null, 400);
		}
		problem("list ?status=BOGUS (editor)", get(p + "?status=BOGUS").token(f.editor()), null, 400);
		for (String query : List.of("limit=abc", "limit=0", "limit=51", "window=2y", "limit=99999999999")) {
			problem("top ?" + query, get("/api/rankings/top?" + query), null, 400);
		}
		problem("trending ?limit=-5", get("/api/rankings/trending?limit=-5"), null, 400);
		problem("media list ?size=abc", get("/api/media?size=abc"), null, 400);
		problem("media list ?size=0", get("/api/media?size=0"), null, 400);
		problem("media list ?status=PUBLISHED", get("/api/media?status=PUBLISHED"), null, 400);
	}

	private void hugeValues() {
		category = "huge";
		String p = "/api/articles";
		problem("headline of 300 characters", HostileRequest.json("POST", p, article("h".repeat(300))).token(f.editor()), ARTICLES, 422);
		problem("headline of 100,000 characters", HostileRequest.json("POST", p, article("h".repeat(100_000))).token(f.editor()),
				ARTICLES, 422);
		problem("301 body blocks", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"body\": ["
				+ repeat("{\"type\": \"paragraph\", \"text\": \"p\"}", 301) + "]}").token(f.editor()), ARTICLES, 422);
		problem("block text of 25,000 characters", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"body\": [{\"type\": \"paragraph\", \"text\": \"" + "t".repeat(25_000) + "\"}]}").token(f.editor()),
				ARTICLES, 422);
		problem("5000 tags", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"tags\": ["
				+ repeat("\"tag\"", 5000) + "]}").token(f.editor()), ARTICLES, 422);
		problem("1000 bylines", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"byline\": ["
				+ repeat("\"Jane Doe\"", 1000) + "]}").token(f.editor()), ARTICLES, 422);
		problem("1000 related ids", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"relatedIds\": ["
				+ repeat("\"" + UNKNOWN_ID + "\"", 1000) + "]}").token(f.editor()), ARTICLES, 422);
		problem("article request of 1.5 MB", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"summary\": \""
				+ "s".repeat(1_500_000) + "\"}").token(f.editor()), ARTICLES, 413);
		problem("correction of 5000 characters", HostileRequest.json("POST", p + "/" + f.published() + "/corrections",
				"{\"text\": \"" + "c".repeat(5000) + "\"}").token(f.editor()), ARTICLES, 422);
		problem("101 summary ids", get(p + "/summaries?ids=" + String.join(",", IntStream.range(0, 101)
			.mapToObj(i -> String.format("%024x", i + 1)).toList())), null, 400);
		problem("search of 300 characters", get(p + "?q=" + "q".repeat(300)), null, 400);
		problem("slug of 250 characters", get(p + "/slug/" + "s".repeat(250)), null, 400);
		problem("page slug of 300 characters", get("/api/pages/articles/" + "s".repeat(300)), null, 400, 404);
		problem("media search of 300 characters", get("/api/media?q=" + "q".repeat(300)), null, 400);
		problem("media caption of 100,000 characters", mergePatch(f.photo(), "{\"caption\": \"" + "c".repeat(100_000)
				+ "\"}"), MEDIA, 422);
		problem("view articleId of 10,000 characters", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \""
				+ "a".repeat(10_000) + "\"}"), null, 400, 413);
		problem("X-Visitor-Id of 500 characters", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \""
				+ f.published() + "\"}").header("X-Visitor-Id", "v".repeat(500)), null, 400);
		problem("view body of 2 MB", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \"" + "a".repeat(2_000_000)
				+ "\"}"), null, 413);
		problem("batch of 10,001 views", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": [" + repeat(
				"{\"articleId\": \"" + f.published() + "\", \"visitorId\": \"visitor-1\", \"at\": \"2026-01-01T00:00:00Z\"}",
				10_001) + "]}").token(f.ingest()), null, 400, 413, 422);
		problem("request line of 9000 characters", get(p + "?q=" + "q".repeat(9000)), null, 414);
		problem("a header of 20 KB", get(p).header("X-Padding", "x".repeat(20_000)), null, 431);
		problem("a bearer token of 7 KB", get(p).token("e" + "x".repeat(7000)), null, 401);
	}

	private void mongoOperators() {
		category = "mongo-operator";
		String p = "/api/articles";
		problem("headline {$gt: ''}", HostileRequest.json("POST", p, "{\"headline\": {\"$gt\": \"\"}, \"section\": \"world\"}")
			.token(f.editor()), ARTICLES, 400);
		problem("top-level $where", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"$where\": "
				+ "\"sleep(5000)\"}").token(f.editor()), ARTICLES, 400);
		problem("section {$ne: null}", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": {\"$ne\": null}}")
			.token(f.editor()), ARTICLES, 400);
		problem("tags [{$ne: 1}]", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", \"tags\": "
				+ "[{\"$ne\": 1}]}").token(f.editor()), ARTICLES, 400);
		problem("relatedIds ['$where']", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"relatedIds\": [\"$where\"]}").token(f.editor()), ARTICLES, 422);
		problem("leadMediaId '$ne'", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"leadMediaId\": \"$ne\"}").token(f.editor()), ARTICLES, 422);
		problem("section '$ne'", HostileRequest.json("POST", p, "{\"headline\": \"$where\", \"section\": \"$ne\"}").token(f.editor()),
				ARTICLES, 422);
		problem("update {$set: {status: PUBLISHED}}", HostileRequest.json("PUT", p + "/" + f.draft(),
				"{\"$set\": {\"status\": \"PUBLISHED\"}}").token(f.editor()).header("If-Match", "\"1\""), ARTICLES, 400);
		// at the draft's own version, so that the status, not the version, is what is refused
		problem("update with status field", HostileRequest.json("PUT", p + "/" + f.draft(), "{\"headline\": \"x\", \"section\": "
				+ "\"world\", \"status\": \"PUBLISHED\"}").token(f.editor()).header("If-Match", "\"0\""), ARTICLES, 400);
		for (String query : List.of("section[$ne]=x", "tag=$where", "source[$gt]=", "tag[$regex]=.*",
				"cursor=%7B%22%24gt%22%3A%22%22%7D", "author=$ne", "status[$ne]=DRAFT", "size[$gt]=0")) {
			problem("list ?" + query, get(p + "?" + query), null, 400, 401);
		}
		json("list ?q=$where is plain text", get(p + "?q=%24where"), 200)
			.also(r -> assertThat(r.json().get("items").size()).isZero());
		problem("summaries ?ids[$ne]=1", get(p + "/summaries?ids[$ne]=1"), null, 400);
		problem("summaries ?ids=$where", get(p + "/summaries?ids=$where"), null, 400);
		problem("article id {\"$ne\":null}", get(p + "/%7B%22%24ne%22%3Anull%7D"), null, 400);
		problem("slug {\"$gt\":\"\"}", get(p + "/slug/%7B%22%24gt%22%3A%22%22%7D"), null, 400, 404);
		json("media list ?credit={\"$ne\":null} matches nothing", get("/api/media?credit=%7B%22%24ne%22%3Anull%7D"), 200)
			.also(r -> assertThat(r.json().get("items").size()).isZero());
		json("media list ?q=.* is literal text", get("/api/media?q=.*"), 200)
			.also(r -> assertThat(r.json().get("items").size()).isZero());
		json("media list ?q=(a+)+$ is literal text", get("/api/media?q=(a%2B)%2B%24"), 200)
			.also(r -> assertThat(r.json().get("items").size()).isZero());
		problem("media list ?status=$ne", get("/api/media?status=$ne"), null, 400);
		problem("media list ?credit[$ne]=x", get("/api/media?credit[$ne]=x"), null, 400);
		problem("top ?section=$where", get("/api/rankings/top?section=$where"), null, 400);
		// ranking-service is not a servlet app: an unknown parameter is ignored, never read as an operator
		json("top ?window[$gt]= is ignored", get("/api/rankings/top?window[$gt]="), 200, 400);
		problem("view articleId '$where'", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \"$where\"}"), null, 400);
		problem("view articleId {$gt: ''}", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": {\"$gt\": \"\"}}"),
				null, 400);
		problem("view with $inc", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \"" + f.published()
				+ "\", \"$inc\": {\"views\": 1000000}}"), null, 400);
		problem("batch articleId {$ne: null}", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": [{\"articleId\": "
				+ "{\"$ne\": null}, \"visitorId\": \"visitor-1\", \"at\": \"2026-01-01T00:00:00Z\"}]}").token(f.ingest()),
				null, 400);
		problem("media patch {$set: {credit}}", mergePatch(f.photo(), "{\"$set\": {\"credit\": \"x\"}}"), MEDIA, 400, 422);
		problem("media patch credit {$ne: null}", mergePatch(f.photo(), "{\"credit\": {\"$ne\": null}}"), MEDIA, 400, 422);
		problem("upload metadata credit {$ne: null}", upload(f.jpeg(), "p.jpg", "{\"credit\": {\"$ne\": null}}"), MEDIA,
				400);
		problem("upload metadata $where", upload(f.jpeg(), "p.jpg", "{\"credit\": \"AFP\", \"$where\": \"1\"}"), MEDIA,
				400);
		problem("correction text {$gt: ''}", HostileRequest.json("POST", p + "/" + f.published() + "/corrections",
				"{\"text\": {\"$gt\": \"\"}}").token(f.editor()), ARTICLES, 400);
		problem("publish at {$gt: ''}", HostileRequest.json("POST", p + "/" + f.draft() + "/publish", "{\"at\": {\"$gt\": \"\"}}")
			.token(f.editor()), ARTICLES, 400);
	}

	private void traversalAndEncoding() {
		category = "traversal";
		String m = "/api/media/" + f.photo();
		for (String path : List.of("/api/articles/slug/..%2f..%2fetc%2fpasswd", "/api/articles/slug/../../../etc/passwd",
				"/api/articles/%2e%2e/%2e%2e/actuator/prometheus", "/api/articles/..%252f..%252factuator",
				"/api/articles/slug/%252e%252e%252f", m + "/renditions/..%2foriginal", m + "/renditions/../original",
				m + "/renditions/%2e%2e%2f%2e%2e%2fetc%2fpasswd", m + "/renditions/thumb%00", m + "/renditions/thumb%00.jpg",
				"/api/media/..%2f..%2fetc/usage", m + "%00/usage", "/api/articles/" + f.published() + ";jsessionid=x",
				"/api/articles/" + f.published() + "/revisions;x=1", "//api/articles/" + f.published() + "/revisions",
				"/api/pages/articles/..%2f..%2fx", "/api/pages/articles/" + f.slug() + "%00", "/feeds/%2e%2e/rss.xml",
				"/feeds/..%2f..%2fetc/rss.xml", "/sitemaps/..%2fnews.xml", "/assets/../application.yml",
				"/assets/%2e%2e/%2e%2e/application.yml", "/assets/..%252f..%252fapplication.yml",
				"/assets/newsroom.css%00.html", "/news/..%2f..%2fetc%2fpasswd", "/news/%2e%2e",
				"/api/rankings/..%2f..%2factuator/env", "/api/rankings/top/..;/..;/actuator")) {
			problem(path, get(path), null, 400);
		}
		problem("rendition thumb.jpg", get(m + "/renditions/thumb.jpg"), null, 404);
		problem("rendition ..%5c..%5cwindows", get(m + "/renditions/..%5c..%5cwindows"), null, 400, 404);
		problem("rendition named %2e%2e", get(m + "/renditions/%2e%2e"), null, 400);
		problem("revisions with an encoded letter, anonymous", get("/api/articles/" + f.published() + "/%72evisions"),
				null, 401);
		problem("original with an encoded letter, anonymous", get(m + "/%6Friginal"), null, 401);
		problem("revisions with a trailing slash, anonymous", get("/api/articles/" + f.published() + "/revisions/"),
				null, 401, 404);
		problem("upper-case API path", get("/API/articles/" + f.published() + "/revisions"), null, 404);
		problem("slug with an encoded backslash", get("/api/articles/slug/..%5c..%5cetc"), null, 400, 404);
		problem("page of an unknown slug", get("/api/pages/articles/no-such-story"), null, 404);
		problem("page slug <script>", get("/api/pages/articles/%3Cscript%3Ealert(1)%3C"), null, 404);
		problem("feed of section <script>", get("/feeds/%3Cscript%3E/rss.xml"), null, 400, 404);
		problem("feed of an unknown section", get("/feeds/gossip/atom.xml"), null, 400, 404);
		problem("summaries ?ids=../../etc", get("/api/articles/summaries?ids=../../etc"), null, 400);
		html("article page <script> slug", get("/news/%3Cscript%3Ewindow.__xss%3D1%3C"), 404)
			.also(r -> assertThat(r.body()).doesNotContain("<script>window.__xss"));
		html("article page slug of 300 characters", get("/news/" + "s".repeat(300)), 404);
		html("home page with a script in the query", get("/?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E"), 200)
			.also(r -> assertThat(r.body()).doesNotContain("<script>window.__xss", "window.__xss"));
		html("article page with a script in the query", get("/news/" + f.slug() + "?%3Cscript%3Ewindow.__xss=1"), 200)
			.also(r -> assertThat(r.body()).doesNotContain("window.__xss"));

		category = "encoding";
		json("raw non-ASCII in a query", get("/api/articles?q=" + rawUtf8("\ud55c\uad6d")), 200);
		json("raw | { } ^ ` in a query", get("/api/articles?q=a|b{c}^`"), 200);
		json("raw quotes and angle brackets in a query", get("/api/articles?q=\"<script>\""), 200)
			.also(r -> assertThat(r.body()).doesNotContain("<script>"));
		problem("broken escape %ZZ in a query", get("/api/articles?q=%ZZ"), null, 400);
		problem("broken escape %ZZ in a page path", get("/news/%ZZ"), null, 400);
		problem("raw space in a path", get("/api/articles/slug/a b"), null, 400);
		problem("raw non-ASCII in a slug", get("/api/articles/slug/" + rawUtf8("\uc11c\uc6b8-\uc5c6\ub294-\uae30\uc0ac")),
				null, 404);
		problem("overlong UTF-8 for '/' (%c0%af)", get("/api/articles/slug/..%c0%af..%c0%afetc"), null, 400, 404);
		// parameter names Spring Security's firewall will not pass on (issue 18): U+FFFF and U+10FFFF
		// (noncharacters), U+40000 and U+9EF5F (unassigned); through the gateway to each service
		problem("parameter name U+FFFF (top)", get("/api/rankings/top?%EF%BF%BF="), null, 400);
		problem("parameter name U+10FFFF (top)", get("/api/rankings/top?%F4%8F%BF%BF="), null, 400);
		problem("parameter name U+40000 (top)", get("/api/rankings/top?%F1%80%80%80="), null, 400);
		problem("parameter name U+9EF5F (article list)", get("/api/articles?%F2%9E%BD%9F="), null, 400);
		json("search text with a NUL (photo library)", get("/api/media?q=x%00y"), 200);

		category = "methods";
		problem("a method the site does not serve (TRACE)", of("TRACE", "/"), null, 405)
			.also(r -> assertThat(r.header("Allow")).contains("GET").doesNotContain("TRACE"));
		problem("TRACE of a feed names the feed's methods", of("TRACE", "/feeds/rss.xml"), null, 405)
			.also(r -> assertThat(methods(r)).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS"));
		problem("DELETE of a feed, as an editor", of("DELETE", "/feeds/rss.xml").token(f.editor()), ARTICLES, 405)
			.also(r -> assertThat(methods(r)).contains("GET", "HEAD").doesNotContain("DELETE", "POST"));
		problem("POST to the news sitemap", of("POST", "/sitemaps/news.xml"), ARTICLES, 405)
			.also(r -> assertThat(methods(r)).contains("GET", "HEAD").doesNotContain("POST"));
		problem("PUT of the front page, as an editor", of("PUT", "/").token(f.editor()), null, 405)
			.also(r -> assertThat(methods(r)).contains("GET").doesNotContain("PUT"));
		add("OPTIONS of the summaries names only their methods", of("OPTIONS", "/api/articles/summaries"),
				HostileCase.Body.ANY, null, 200)
			.also(r -> assertThat(methods(r)).contains("GET", "HEAD").doesNotContain("PUT", "DELETE", "POST"));
		problem("POST to the summaries, as an editor", of("POST", "/api/articles/summaries").token(f.editor()), ARTICLES, 405)
			.also(r -> assertThat(methods(r)).contains("GET", "HEAD").doesNotContain("PUT", "DELETE", "POST"));
		problem("publish at \"\" (an empty date is no date)", HostileRequest.json("POST", "/api/articles/" + f.draft()
				+ "/publish", "{\"at\": \"\"}").token(f.editor()), ARTICLES, 400)
			.also(r -> assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("at"));
		problem("an invented method (FOO)", of("FOO", "/api/articles"), null, 400, 405);
		problem("PATCH on articles", HostileRequest.json("PATCH", "/api/articles/" + f.published(), "{}").token(f.editor()), ARTICLES,
				405);
	}

	private void headerInjection() {
		category = "header-injection";
		String top = "/api/rankings/top";
		json("X-Request-Id with CR/LF and Set-Cookie", get(top).rawHeaderLine("X-Request-Id: abcdefgh\r\nSet-Cookie: injected=1"),
				200).also(r -> assertThat(r.header("Set-Cookie")).isNull());
		json("X-Request-Id with markup is replaced", get(top).header("X-Request-Id", "abcdefgh<script>"), 200)
			.also(r -> assertThat(r.header("X-Request-Id")).doesNotContain("<"));
		json("X-Request-Id with encoded CR/LF is replaced", get(top).header("X-Request-Id", "abcdefgh%0d%0aSet-Cookie:x=1"),
				200).also(r -> assertThat(r.header("X-Request-Id")).doesNotContain("%0d").doesNotContain("Set-Cookie"));
		json("X-Request-Id folded onto a second line", get(top).rawHeaderLine("X-Request-Id: abcdefgh\r\n injected: 1"),
				200, 400).also(r -> assertThat(r.header("injected")).isNull());
		problem("X-Visitor-Id with CR/LF", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \"$bad\"}")
			.rawHeaderLine("X-Visitor-Id: visitor-1\r\nX-Forwarded-For: 203.0.113.9"), null, 400);
		problem("X-Visitor-Id with markup", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \"" + f.published() + "\"}")
			.header("X-Visitor-Id", "<script>x</script>"), null, 400);
		problem("nr_vid cookie with markup and a bad id", HostileRequest.json("POST", "/api/rankings/views", "{\"articleId\": \"x\"}")
			.header("Cookie", "nr_vid=<script>alert(1)</script>"), null, 400);
		json("Host of another site does not leak into links", get("/api/articles/slug/" + f.slug()).rawHeaderLine(
				"Host: evil.example"), 200).also(r -> assertThat(r.body()).doesNotContain("evil.example"));
		html("X-Forwarded-Host of another site does not leak into the page", get("/news/" + f.slug())
			.header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "javascript"), 200)
			.also(r -> assertThat(r.body()).doesNotContain("evil.example").doesNotContain("javascript:"));
		problem("NUL in a header value", get(top).rawHeaderLine("X-Note: a\u0000b"), null, 400);
		problem("Content-Length: abc", of("POST", "/api/rankings/views").header("Content-Type", "application/json")
			.header("Content-Length", "abc").body("{}"), null, 400);
		problem("two different Content-Lengths", of("POST", "/api/rankings/views").header("Content-Type", "application/json")
			.header("Content-Length", "2").header("Content-Length", "20").body("{}"), null, 400);
		problem("Content-Length and chunked together (smuggling)", of("POST", "/api/rankings/views")
			.header("Content-Type", "application/json").header("Content-Length", "4")
			.header("Transfer-Encoding", "chunked").body("11\r\n{\"articleId\": 1}\r\n0\r\n\r\n"), null, 400);
		problem("a header name with a space", get(top).rawHeaderLine("X Bad: 1"), null, 400);
	}

	private void tokens() {
		category = "token";
		String create = article("Token test");
		String p = "/api/articles";
		problem("empty bearer", HostileRequest.json("POST", p, create).header("Authorization", "Bearer "), ARTICLES, 401);
		problem("garbage bearer", HostileRequest.json("POST", p, create).token("abc"), ARTICLES, 401);
		problem("three garbage parts", HostileRequest.json("POST", p, create).token("a.b.c"), ARTICLES, 401);
		problem("editor token, signature altered", HostileRequest.json("POST", p, create).token(ForgedTokens.tamperedSignature(f.editor())),
				ARTICLES, 401);
		problem("editor token, claims raised to admin", of("DELETE", p + "/" + f.published())
			.token(ForgedTokens.claimsEdited(f.editor())), ARTICLES, 401);
		problem("alg none on a write", HostileRequest.json("POST", p, create).token(ForgedTokens.algNone(f.editor())), ARTICLES, 401);
		problem("alg none reading a draft", get(p + "/" + f.draft()).token(ForgedTokens.algNone(f.editor())), null, 401);
		problem("alg none on revisions", get(p + "/" + f.published() + "/revisions").token(ForgedTokens.algNone(f.editor())),
				null, 401);
		problem("HS256 keyed with the realm's public key", HostileRequest.json("POST", p, create)
			.token(ForgedTokens.hmacWithRealmPublicKey(f.editor(), f.jwks())), ARTICLES, 401);
		problem("signed by a stranger's key", HostileRequest.json("POST", p, create).token(ForgedTokens.signedByStranger(f.editor(), -600)),
				ARTICLES, 401);
		problem("expired an hour ago (forged signature)", HostileRequest.json("POST", p, create)
			.token(ForgedTokens.signedByStranger(f.editor(), 3600)), ARTICLES, 401);
		problem("master realm token on a write", HostileRequest.json("POST", p, create).token(f.masterRealm()), ARTICLES, 401);
		problem("master realm token on a read", get(p + "/" + f.published()).token(f.masterRealm()), null, 401);
		problem("master realm token on a delete", of("DELETE", "/api/media/" + f.photo()).token(f.masterRealm()), MEDIA, 401);
		problem("master realm token on the view batch", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": []}")
			.token(f.masterRealm()), null, 401);
		problem("Basic admin:admin", HostileRequest.json("POST", p, create).header("Authorization", "Basic YWRtaW46YWRtaW4="), ARTICLES,
				401);
		problem("token in the query string", HostileRequest.json("POST", p + "?access_token=" + f.editor(), create), ARTICLES, 401);
		problem("two Authorization headers", HostileRequest.json("POST", p, create).token(f.editor()).token("garbage"), ARTICLES, 400);
		problem("reader creates an article", HostileRequest.json("POST", p, create).token(f.reader()), ARTICLES, 403);
		problem("reader takes a photo down", of("DELETE", "/api/media/" + f.photo()).token(f.reader()), MEDIA, 403);
		problem("reader reads an original", get("/api/media/" + f.photo() + "/original").token(f.reader()), null, 403);
		problem("reader reads revisions", get(p + "/" + f.published() + "/revisions").token(f.reader()), null, 403);
		problem("editor deletes an article", of("DELETE", p + "/" + f.published()).token(f.editor()), ARTICLES, 403);
		problem("editor sends a view batch", HostileRequest.json("POST", "/api/rankings/views/batch", "{\"views\": []}").token(f.editor()),
				null, 403);
		problem("ingest account creates an article", HostileRequest.json("POST", p, create).token(f.ingest()), ARTICLES, 403);
		problem("anonymous upload", upload(f.jpeg(), "p.jpg", "{\"credit\": \"AFP\"}").withoutToken(), MEDIA, 401);
	}

	private void uploads() {
		category = "upload";
		String credit = "{\"credit\": \"AFP\"}";
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>"
			.getBytes(StandardCharsets.UTF_8);
		problem("HTML named .jpg", upload(html, "photo.jpg", credit), MEDIA, 415);
		problem("SVG named .svg", upload(svg, "photo.svg", credit), MEDIA, 415);
		problem("SVG named .jpg, declared image/jpeg", upload(svg, "photo.jpg", credit, "image/jpeg"), MEDIA, 415);
		problem("JPEG with HTML after its end (polyglot)", upload(concat(f.jpeg(), html), "photo.jpg", credit), MEDIA, 415);
		problem("JPEG with a ZIP after its end (polyglot)", upload(concat(f.jpeg(), new byte[] { 'P', 'K', 3, 4, 20, 0, 0,
				0, 8, 0 }, "evil.html".getBytes()), "photo.jpg", credit), MEDIA, 415);
		problem("GIF", upload(concat("GIF89a".getBytes(), new byte[] { 1, 0, 1, 0, (byte) 0x80, 0, 0 }), "photo.gif",
				credit), MEDIA, 415);
		problem("PDF named .png", upload("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(), "photo.png", credit), MEDIA,
				415);
		problem("empty file", upload(new byte[0], "photo.jpg", credit), MEDIA, 400, 415, 422);
		problem("JPEG magic then garbage", upload(concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
				(byte) 0xE0 }, "garbage".repeat(100).getBytes()), "photo.jpg", credit), MEDIA, 415, 422);
		problem("PNG claiming 100,000 x 100,000 pixels", upload(hugePngHeader(), "bomb.png", credit), MEDIA, 415, 422);
		problem("real JPEG without a credit", upload(f.jpeg(), "photo.jpg", "{\"caption\": \"no credit\"}"), MEDIA, 422);
		problem("real JPEG, credit = 5", upload(f.jpeg(), "photo.jpg", "{\"credit\": 5}"), MEDIA, 400);
		problem("real JPEG, metadata not JSON", upload(f.jpeg(), "photo.jpg", "credit=AFP"), MEDIA, 400, 415);
		problem("declared 40 MB (Content-Length)", of("POST", "/api/media")
			.header("Content-Type", "multipart/form-data; boundary=b").header("Content-Length", "41943040")
			.body("--b\r\n".getBytes()).token(f.editor()), MEDIA, 413);
		problem("27 MB streamed chunked", chunked(upload(new byte[27 * 1024 * 1024], "big.jpg", credit)), MEDIA, 413);
		byte[] overMediaLimit = concat(f.jpeg(), new byte[25 * 1024 * 1024 + 300 * 1024]);
		problem("25.3 MB file (over media's 25 MB, under the edge's 26 MB)", upload(overMediaLimit, "big.jpg", credit),
				MEDIA, 413);
		problem("multipart without a boundary", of("POST", "/api/media").header("Content-Type", "multipart/form-data")
			.body("--x\r\n\r\n--x--").token(f.editor()), MEDIA, 400);
		problem("multipart cut short", of("POST", "/api/media").header("Content-Type", "multipart/form-data; boundary=b")
			.body("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n".getBytes())
			.token(f.editor()), MEDIA, 400);
		StringBuilder manyParts = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			manyParts.append("--b\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nx\r\n");
		}
		problem("5000 parts", of("POST", "/api/media").header("Content-Type", "multipart/form-data; boundary=b")
			.body(manyParts + "--b--\r\n").token(f.editor()), MEDIA, 400, 413);
		problem("no file part", of("POST", "/api/media").header("Content-Type", "multipart/form-data; boundary=b")
			.body("--b\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
					+ credit + "\r\n--b--\r\n").token(f.editor()), MEDIA, 400, 422);
		problem("reader uploads", upload(f.jpeg(), "p.jpg", credit).withoutToken().token(f.reader()), MEDIA, 403);
	}

	private void lifecycleAndIds() {
		category = "ids-and-state";
		String p = "/api/articles";
		problem("ninjs of a non-id", get(p + "/not-an-id/ninjs"), null, 400);
		problem("ninjs of an unknown id", get(p + "/" + UNKNOWN_ID + "/ninjs"), null, 404);
		problem("ninjs of a draft, anonymous", get(p + "/" + f.draft() + "/ninjs"), null, 404);
		problem("revisions of a non-id", get(p + "/not-an-id/revisions").token(f.editor()), null, 400);
		problem("read a draft anonymously", get(p + "/" + f.draft()), null, 404);
		problem("withdraw a non-id", of("POST", p + "/not-an-id/withdraw").token(f.editor()), ARTICLES, 400);
		problem("withdraw a draft", of("POST", p + "/" + f.draft() + "/withdraw").token(f.editor()), ARTICLES, 409);
		problem("correct a draft", HostileRequest.json("POST", p + "/" + f.draft() + "/corrections", "{\"text\": \"x\"}").token(f.editor()),
				ARTICLES, 409);
		problem("update without If-Match", HostileRequest.json("PUT", p + "/" + f.draft(), article("x")).token(f.editor()), ARTICLES, 428);
		problem("update with If-Match *", HostileRequest.json("PUT", p + "/" + f.draft(), article("x")).token(f.editor())
			.header("If-Match", "*"), ARTICLES, 428);
		problem("update with a stale If-Match", HostileRequest.json("PUT", p + "/" + f.draft(), article("x")).token(f.editor())
			.header("If-Match", "\"999\""), ARTICLES, 412);
		problem("update with If-Match <script>", HostileRequest.json("PUT", p + "/" + f.draft(), article("x")).token(f.editor())
			.header("If-Match", "\"<script>\""), ARTICLES, 400, 412, 428);
		problem("delete a non-id (admin)", of("DELETE", p + "/not-an-id").token(f.admin()), ARTICLES, 400);
		problem("take down a non-id (admin)", of("DELETE", "/api/media/not-an-id").token(f.admin()), MEDIA, 400, 404);
		problem("usage of a non-id", get("/api/media/not-an-id/usage"), null, 400, 404);
		problem("usage of an unknown id", get("/api/media/" + UNKNOWN_ID + "/usage"), null, 404);
		problem("rendition 'huge'", get("/api/media/" + f.photo() + "/renditions/huge"), null, 404);
		problem("patch an unknown photo", mergePatch(UNKNOWN_ID, "{\"caption\": \"x\"}"), MEDIA, 404);
		problem("publish with an unknown lead photo", HostileRequest.json("PUT", p + "/" + f.draft(), "{\"headline\": \"x\", \"section\": "
				+ "\"world\", \"leadMediaId\": \"" + UNKNOWN_ID + "\"}").token(f.editor()).header("If-Match", "\"999\""),
				ARTICLES, 412);
	}

	private void xssInput() {
		category = "xss-input";
		String p = "/api/articles";
		problem("javascript: link in body markup", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"body\": [{\"type\": \"paragraph\", \"text\": \"[click](javascript:window.__xss=1)\"}]}")
			.token(f.editor()), ARTICLES, 422);
		problem("data: link in body markup", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"body\": [{\"type\": \"paragraph\", \"text\": \"[click](data:text/html,<script>alert(1)</script>)\"}]}")
			.token(f.editor()), ARTICLES, 422);
		problem("JaVaScRiPt: with tab in an embed", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"body\": [{\"type\": \"embed\", \"url\": \"JaVa\\tScRiPt:alert(1)\"}]}").token(f.editor()), ARTICLES, 422);
		problem("javascript: embed", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"body\": [{\"type\": \"embed\", \"url\": \"javascript:alert(1)\"}]}").token(f.editor()), ARTICLES, 422);
		problem("tag with markup", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"tags\": [\"<script>alert(1)</script>\"]}").token(f.editor()), ARTICLES, 422);
		problem("headline with a line break and markup", HostileRequest.json("POST", p, "{\"headline\": \"a\\n<script>\", "
				+ "\"section\": \"world\"}").token(f.editor()), ARTICLES, 422);
		problem("control characters in the summary", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"summary\": \"a\\u0000\\u001b[31mb\"}").token(f.editor()), ARTICLES, 422);
		problem("language with markup", HostileRequest.json("POST", p, "{\"headline\": \"x\", \"section\": \"world\", "
				+ "\"language\": \"en\\\"><script>\"}").token(f.editor()), ARTICLES, 422);
	}

	// ---- building rows -----------------------------------------------------------------------

	private Row problem(String name, HostileRequest request, String store, Integer... statuses) {
		return add(name, request, PROBLEM, store, statuses);
	}

	private Row json(String name, HostileRequest request, Integer... statuses) {
		return add(name, request, JSON, null, statuses);
	}

	private Row html(String name, HostileRequest request, Integer... statuses) {
		return add(name, request, HTML, null, statuses);
	}

	private Row add(String name, HostileRequest request, HostileCase.Body body, String store, Integer... statuses) {
		cases.add(new HostileCase(category, name, request, Set.of(statuses), body, store, null));
		return new Row(cases.size() - 1);
	}

	/** The methods an answer's {@code Allow} names. */
	private static List<String> methods(Client.Response response) {
		String allow = response.header("Allow");
		assertThat(allow).as("Allow").isNotNull();
		return Arrays.stream(allow.split(",")).map(String::trim).toList();
	}

	/** A row just added, to which a further check on the answer can be attached. */
	private final class Row {

		private final int index;

		private Row(int index) {
			this.index = index;
		}

		Row also(Consumer<Client.Response> check) {
			cases.set(index, cases.get(index).also(check));
			return this;
		}
	}

	// ---- request material --------------------------------------------------------------------

	private static String article(String headline) {
		return "{\"headline\": \"" + headline + "\", \"section\": \"world\"}";
	}

	private HostileRequest mergePatch(String id, String body) {
		return of("PATCH", "/api/media/" + id).header("Content-Type", "application/merge-patch+json").body(body)
			.token(f.editor());
	}

	private HostileRequest upload(byte[] file, String filename, String metadata) {
		return upload(file, filename, metadata, "application/octet-stream");
	}

	private HostileRequest upload(byte[] file, String filename, String metadata, String fileType) {
		String boundary = "hostile-boundary-7f3a";
		byte[] body = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), file,
				("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
						+ "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary + "--\r\n")
					.getBytes(StandardCharsets.UTF_8));
		return of("POST", "/api/media").header("Content-Type", "multipart/form-data; boundary=" + boundary).body(body)
			.token(f.editor());
	}

	/** The same request with its body sent chunked (no Content-Length), so only counting can stop it. */
	private static HostileRequest chunked(HostileRequest request) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(request.body().length + 4096);
		int chunk = 256 * 1024;
		for (int at = 0; at < request.body().length; at += chunk) {
			int size = Math.min(chunk, request.body().length - at);
			out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(request.body(), at, size);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return request.header("Transfer-Encoding", "chunked").body(out.toByteArray());
	}

	/** A PNG signature and IHDR chunk claiming 100,000 x 100,000 pixels, and nothing else. */
	private static byte[] hugePngHeader() {
		java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(25);
		ihdr.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
			.put(new byte[] { 8, 2, 0, 0, 0 });
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(ihdr.array(), 4, 17);
		ihdr.putInt((int) crc.getValue());
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, ihdr.array(),
				new byte[] { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 });
	}

	/** Text as its UTF-8 bytes, one char per byte: what a client sends when it does not percent-encode. */
	private static String rawUtf8(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private static String repeat(String item, int times) {
		return IntStream.range(0, times).mapToObj(i -> item).collect(Collectors.joining(", "));
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Arrays.stream(parts).forEach(out::writeBytes);
		return out.toByteArray();
	}
}
