package org.newsroom.article.feed;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The news sitemap (the only sitemap this service serves) is valid against the sitemaps.org
 * Sitemap 0.9 schema and Google's News sitemap schema together (src/test/resources/standards,
 * with their licences and sources), with the JDK's {@code javax.xml.validation}. The sitemap
 * schema validates the {@code news:} elements strictly ({@code processContents="strict"}), so
 * both schemas make one {@link Schema}; neither is fetched from the network.
 */
class SitemapSchemaTest extends ArticleServiceTest {

	static final Schema SITEMAPS = sitemapSchemas();

	@Test
	void theNewsSitemapIsValidAgainstTheSitemapAndGoogleNewsSchemas() throws Exception {
		createPublished("{\"headline\": \"" + FeedTest.HOSTILE + " schema\", \"section\": \"world\", \"language\": \"ko\"}");
		createPublished("{\"headline\": \"Traditional Chinese headline for the sitemap\", \"section\": \"world\", \"language\": \"zh-Hant\"}");
		createPublished("{\"headline\": \"British English headline for the sitemap\", \"section\": \"world\", \"language\": \"en-GB\"}");
		createPublished("{\"headline\": \"Filipino headline for the sitemap\", \"section\": \"world\", \"language\": \"fil\"}");
		String sitemap = http.get().uri("/sitemaps/news.xml").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(problems(sitemap)).isEmpty();
		assertThat(sitemap).contains("<news:language>zh-tw</news:language>", "<news:language>en</news:language>",
				"<news:language>fil</news:language>");
	}

	@Test
	void theSchemasRejectWhatGoogleWouldReject() throws Exception {
		String regionalLanguage = """
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
				 <url><loc>https://news.example.com/news/a</loc><news:news>
				  <news:publication><news:name>The Example Daily</news:name><news:language>en-GB</news:language></news:publication>
				  <news:publication_date>2026-12-07T00:00:00Z</news:publication_date><news:title>A</news:title>
				 </news:news></url></urlset>""";
		String noDate = """
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
				 <url><loc>https://news.example.com/news/a</loc><news:news>
				  <news:publication><news:name>The Example Daily</news:name><news:language>en</news:language></news:publication>
				  <news:title>A</news:title>
				 </news:news></url></urlset>""";
		assertThat(problems(regionalLanguage)).anyMatch(problem -> problem.contains("en-GB"));
		assertThat(problems(noDate)).isNotEmpty();
	}

	/** Every problem the validator reports, not only the first. */
	static List<String> problems(String xml) throws Exception {
		List<String> problems = new ArrayList<>();
		Validator validator = SITEMAPS.newValidator();
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		validator.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(SAXParseException e) {
				problems.add("warning: " + e.getMessage());
			}

			@Override
			public void error(SAXParseException e) {
				problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
			}

			@Override
			public void fatalError(SAXParseException e) {
				problems.add("fatal, line " + e.getLineNumber() + ": " + e.getMessage());
			}
		});
		validator.validate(new StreamSource(new StringReader(xml)));
		return problems;
	}

	private static Schema sitemapSchemas() {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			ClassLoader resources = SitemapSchemaTest.class.getClassLoader();
			Source[] schemas = {
					new StreamSource(resources.getResource("standards/sitemaps/sitemap.xsd").toExternalForm()),
					new StreamSource(resources.getResource("standards/sitemaps/sitemap-news.xsd").toExternalForm()) };
			return factory.newSchema(schemas);
		}
		catch (Exception e) {
			throw new IllegalStateException("the sitemap schemas in src/test/resources/standards could not be read", e);
		}
	}
}
