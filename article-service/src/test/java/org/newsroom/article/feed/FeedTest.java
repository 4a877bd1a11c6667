package org.newsroom.article.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** RSS, Atom and the Google News sitemap, parsed back with the JDK's XML parser. */
class FeedTest extends ArticleServiceTest {

	static final String HOSTILE = "Fish & Chips <b>\\\"grand\\\"</b> ]]> </title><script>alert('x')</script> 서울";
	static final String HOSTILE_PLAIN = "Fish & Chips <b>\"grand\"</b> ]]> </title><script>alert('x')</script> 서울";

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
	static final String ATOM_NS = "http://www.w3.org/2005/Atom";

	@Autowired
	MongoTemplate mongo;

	@Test
	void rssCarriesPublishedArticlesWithHostileTextEscaped() throws Exception {
		String id = createPublished("{\"headline\": \"" + HOSTILE + "\", \"section\": \"lifestyle\", \"summary\": \"" + HOSTILE
				+ "\", \"byline\": [\"Choi & Sons\"], \"tags\": [\"food\"]}");
		create("{\"headline\": \"Unpublished feed draft\", \"section\": \"lifestyle\"}");
		Document rss = xml(get("/feeds/rss.xml", "application/rss+xml"));
		assertThat(rss.getDocumentElement().getTagName()).isEqualTo("rss");
		assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		Element channel = (Element) rss.getElementsByTagName("channel").item(0);
		assertThat(text(channel, "title")).isEqualTo("The Example Daily");
		Element item = itemWithLinkEnding(rss.getElementsByTagName("item"), "link", slugOf(id));
		assertThat(text(item, "title")).isEqualTo(HOSTILE_PLAIN);
		assertThat(text(item, "description")).isEqualTo(HOSTILE_PLAIN);
		assertThat(text(item, "link")).startsWith("https://news.example.com/news/");
		assertThat(text(item, "pubDate")).isNotBlank();
		assertThat(texts(item, "category")).contains("lifestyle", "food");
		assertThat(texts(rss.getDocumentElement(), "title")).doesNotContain("Unpublished feed draft");
	}

	@Test
	void sectionFeedsHoldOnlyTheirSectionAndAtomIsValidToo() throws Exception {
		createPublished("{\"headline\": \"Opinion piece for the feed\", \"section\": \"opinion\"}");
		createPublished("{\"headline\": \"Tech piece for the feed\", \"section\": \"tech\"}");
		Document opinion = xml(get("/feeds/opinion/rss.xml", "application/rss+xml"));
		List<String> titles = new ArrayList<>();
		NodeList items = opinion.getElementsByTagName("item");
		for (int i = 0; i < items.getLength(); i++) {
			titles.add(text((Element) items.item(i), "title"));
			assertThat(texts((Element) items.item(i), "category")).contains("opinion");
		}
		assertThat(titles).contains("Opinion piece for the feed").doesNotContain("Tech piece for the feed");

		Document atom = xml(get("/feeds/atom.xml", "application/atom+xml"));
		assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM_NS);
		assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
		NodeList entries = atom.getElementsByTagNameNS(ATOM_NS, "entry");
		assertThat(entries.getLength()).isPositive();
		Element first = (Element) entries.item(0);
		assertThat(first.getElementsByTagNameNS(ATOM_NS, "updated").getLength()).isEqualTo(1);
		assertThat(first.getElementsByTagNameNS(ATOM_NS, "id").item(0).getTextContent()).startsWith("https://news.example.com/news/");
		xml(get("/feeds/opinion/atom.xml", "application/atom+xml"));
		http.get().uri("/feeds/astrology/rss.xml").exchange().expectStatus().isNotFound();
	}

	@Test
	void theNewsSitemapListsTheLast48HoursOnly() throws Exception {
		String fresh = createPublished("{\"headline\": \"" + HOSTILE + " fresh\", \"section\": \"world\", \"language\": \"ko\"}");
		String old = createPublished("{\"headline\": \"Three days old\", \"section\": \"world\"}");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(old))),
				new Update().set("firstPublishedAt", Date.from(Instant.now().minus(3, ChronoUnit.DAYS))), "articles");
		Document sitemap = xml(get("/sitemaps/news.xml", "application/xml"));
		assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
		assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
		NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP_NS, "url");
		Element entry = null;
		List<String> locations = new ArrayList<>();
		for (int i = 0; i < urls.getLength(); i++) {
			Element url = (Element) urls.item(i);
			String loc = url.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent();
			locations.add(loc);
			if (loc.endsWith(slugOf(fresh))) {
				entry = url;
			}
		}
		assertThat(locations).noneMatch(loc -> loc.endsWith("/three-days-old"));
		assertThat(entry).isNotNull();
		assertThat(entry.getElementsByTagNameNS(NEWS_NS, "title").item(0).getTextContent()).isEqualTo(HOSTILE_PLAIN + " fresh");
		assertThat(entry.getElementsByTagNameNS(NEWS_NS, "name").item(0).getTextContent()).isEqualTo("The Example Daily");
		assertThat(entry.getElementsByTagNameNS(NEWS_NS, "language").item(0).getTextContent()).isEqualTo("ko");
		assertThat(entry.getElementsByTagNameNS(NEWS_NS, "publication_date").item(0).getTextContent()).endsWith("Z");
	}

	private String get(String uri, String contentType) {
		return http.get().uri(uri).exchange().expectStatus().isOk()
			.expectHeader().value("Content-Type", v -> assertThat(v).startsWith(contentType))
			.expectBody(String.class).returnResult().getResponseBody();
	}

	private String slugOf(String id) {
		return (String) ((java.util.Map<?, ?>) articleAsEditor(id).get("links")).get("web").toString()
			.replace("https://news.example.com/news/", "");
	}

	/** A strict, namespace-aware parser with external entities off: what a careful feed reader uses. */
	static Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static Element itemWithLinkEnding(NodeList items, String child, String ending) {
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			if (text(item, child).endsWith(ending)) {
				return item;
			}
		}
		throw new AssertionError("no item whose " + child + " ends with " + ending);
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent();
	}

	private static List<String> texts(Element parent, String tag) {
		List<String> values = new ArrayList<>();
		NodeList nodes = parent.getElementsByTagName(tag);
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(nodes.item(i).getTextContent());
		}
		return values;
	}
}
