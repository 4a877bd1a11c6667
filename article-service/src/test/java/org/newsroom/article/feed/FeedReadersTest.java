package org.newsroom.article.feed;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleServiceTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds as a feed reader gets them: parsed back with ROME (with its Media RSS and Atom-link
 * modules, as a reader would use them) and checked for what RSS 2.0, Dublin Core, Media RSS and
 * Atom (RFC 4287) ask of a feed and its items: authors, the lead photo with its credit, dates,
 * the feed's own address and a language that is true for every item.
 */
class FeedReadersTest extends ArticleServiceTest {

	static final String PHOTO = "65d0000000000000000000f1";
	static final String OTHER_PHOTO = "65d0000000000000000000f2";
	static final String TAKEN_DOWN = "65d0000000000000000000f3";
	static final String LARGE = "https://news.example.com/api/media/" + PHOTO + "/renditions/large";

	@Test
	void rssItemsCarryBylinesLeadPhotoWithCreditDatesAndTheFeedItsOwnAddress() throws Exception {
		photoWithCredit();
		String withPhoto = createPublished("""
				{"headline": "Pansori festival opens in Jeonju", "section": "culture", "byline": ["Park Ji-won", "Jane Doe"],
				 "source": "Yonhap", "leadMediaId": "%s"}""".formatted(PHOTO));
		String agencyCopy = createPublished("""
				{"headline": "Museum hours extended for the holidays", "section": "culture", "source": "Yonhap"}""");

		Channel rss = (Channel) parse(get("/feeds/culture/rss.xml"));

		AtomLinkModule self = (AtomLinkModule) rss.getModule(AtomLinkModule.URI);
		assertThat(self).as("atom:link rel=self in the channel").isNotNull();
		assertThat(self.getLink().getRel()).isEqualTo("self");
		assertThat(self.getLink().getHref()).isEqualTo("https://news.example.com/feeds/culture/rss.xml");
		assertThat(self.getLink().getType()).isEqualTo("application/rss+xml");

		Item item = item(rss, withPhoto);
		// RSS's own <author> must be an e-mail address: bylines are dc:creator
		assertThat(item.getAuthor()).isNull();
		assertThat(((DCModule) item.getModule(DCModule.URI)).getCreators()).containsExactly("Park Ji-won", "Jane Doe");
		assertThat(item.getPubDate().toInstant()).isEqualTo(firstPublishedAt(withPhoto));
		MediaContent photo = onlyMediaContent(item.getModule(MediaModule.URI));
		assertThat(photo.getReference().toString()).isEqualTo(LARGE);
		assertThat(photo.getType()).isEqualTo("image/jpeg");
		assertThat(photo.getMedium()).isEqualTo("image");
		assertThat(photo.getWidth()).isEqualTo(1600);
		assertThat(photo.getHeight()).isEqualTo(1067);
		assertThat(photo.getMetadata().getCredits()[0].getName()).isEqualTo("Reuters-Yonhap");
		assertThat(photo.getMetadata().getDescription()).isEqualTo("Hanbok-clad singers on the opening night.");

		Item agency = item(rss, agencyCopy);
		assertThat(((DCModule) agency.getModule(DCModule.URI)).getCreators()).containsExactly("Yonhap");
		assertThat(agency.getModule(MediaModule.URI)).isNull();
	}

	@Test
	void atomFollowsRfc4287IdUpdatedAuthorSelfLinkAndCarriesThePhoto() throws Exception {
		photoWithCredit();
		String withPhoto = createPublished("""
				{"headline": "Atom readers see the Jeonju photo", "section": "culture", "byline": ["Park Ji-won"],
				 "leadMediaId": "%s"}""".formatted(PHOTO));
		String anonymous = createPublished("{\"headline\": \"No byline, no source, still an author\", \"section\": \"culture\"}");

		Feed atom = (Feed) parse(get("/feeds/culture/atom.xml"));

		assertThat(atom.getId()).isEqualTo("https://news.example.com/feeds/culture/atom.xml");
		assertThat(atom.getUpdated()).isNotNull();
		assertThat(atom.getOtherLinks()).anySatisfy(link -> {
			assertThat(link.getRel()).isEqualTo("self");
			assertThat(link.getHref()).isEqualTo("https://news.example.com/feeds/culture/atom.xml");
			assertThat(link.getType()).isEqualTo("application/atom+xml");
		});
		for (Entry entry : atom.getEntries()) {
			assertThat(entry.getId()).startsWith("https://news.example.com/news/");
			assertThat(entry.getUpdated()).isNotNull();
			// RFC 4287 4.1.1: every entry has an author unless the feed has one; a person has a name (3.2.1)
			assertThat(entry.getAuthors()).as("authors of %s", entry.getId()).isNotEmpty()
				.allSatisfy(author -> assertThat(author.getName()).isNotBlank());
		}
		Entry unsigned = atom.getEntries().stream().filter(e -> e.getId().equals(webUrl(anonymous))).findFirst().orElseThrow();
		// no byline and no agency: the publication itself is the author
		assertThat(unsigned.getAuthors()).extracting(SyndPerson::getName).containsExactly("The Example Daily");
		Entry entry = atom.getEntries().stream().filter(e -> e.getId().equals(webUrl(withPhoto))).findFirst().orElseThrow();
		assertThat(entry.getAuthors()).extracting(SyndPerson::getName).containsExactly("Park Ji-won");
		assertThat(entry.getPublished().toInstant()).isEqualTo(firstPublishedAt(withPhoto));
		Link enclosure = entry.getOtherLinks().stream().filter(l -> "enclosure".equals(l.getRel())).findFirst().orElseThrow();
		assertThat(enclosure.getHref()).isEqualTo(LARGE);
		assertThat(enclosure.getType()).isEqualTo("image/jpeg");
		MediaContent photo = onlyMediaContent(entry.getModule(MediaModule.URI));
		assertThat(photo.getMetadata().getCredits()[0].getName()).isEqualTo("Reuters-Yonhap");
	}

	@Test
	void aFeedDeclaresALanguageOnlyWhenEveryItemIsInIt() throws Exception {
		createPublished("{\"headline\": \"Sports desk story in English\", \"section\": \"sports\", \"language\": \"en\"}");
		createPublished("{\"headline\": \"손흥민 결승골\", \"section\": \"sports\", \"language\": \"ko\"}");

		Channel rss = (Channel) parse(get("/feeds/sports/rss.xml"));
		assertThat(rss.getLanguage()).isNull();
		assertThat(((Feed) parse(get("/feeds/sports/atom.xml"))).getLanguage()).isNull();
		Set<String> languages = new HashSet<>();
		for (Item item : rss.getItems()) {
			String language = ((DCModule) item.getModule(DCModule.URI)).getLanguage();
			assertThat(language).as("dc:language of %s", item.getLink()).isNotBlank();
			languages.add(language);
		}
		assertThat(languages).contains("en", "ko");
	}

	@Test
	void whenMediaIsDownFeedsAreServedWithoutPhotosAndAskOnlyOnce() throws Exception {
		photoUsable(PHOTO);
		photoUsable(OTHER_PHOTO);
		createPublished("""
				{"headline": "Another photo story in the outage", "section": "world", "leadMediaId": "%s"}""".formatted(OTHER_PHOTO));
		String id = createPublished("""
				{"headline": "Feed still served while photos are down", "section": "world", "leadMediaId": "%s"}""".formatted(PHOTO));
		media.stubFor(WireMock.get(urlMatching("/api/media/[0-9a-f]{24}")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		Item item = item((Channel) parse(get("/feeds/world/rss.xml")), id);
		assertThat(item.getModule(MediaModule.URI)).isNull();
		// one photo's attempts, not those of every photo: the feed stops asking after the first failure
		assertThat(media.findAll(getRequestedFor(urlMatching("/api/media/[0-9a-f]{24}")))).hasSizeLessThanOrEqualTo(3);

		Feed atom = (Feed) parse(get("/feeds/world/atom.xml"));
		assertThat(atom.getEntries()).anySatisfy(entry -> assertThat(entry.getId()).isEqualTo(webUrl(id)));
	}

	@Test
	void aTakenDownPhotoIsNotInTheFeed() throws Exception {
		photoUsable(TAKEN_DOWN);
		String id = createPublished("""
				{"headline": "Story whose photo was taken down", "section": "lifestyle", "leadMediaId": "%s"}""".formatted(TAKEN_DOWN));
		media.stubFor(WireMock.get("/api/media/" + TAKEN_DOWN).willReturn(WireMock.okJson("""
				{"id": "%s", "credit": "Yonhap", "status": "TAKEN_DOWN", "width": 3000, "height": 2000, "renditions": []}
				""".formatted(TAKEN_DOWN))));

		assertThat(item((Channel) parse(get("/feeds/lifestyle/rss.xml")), id).getModule(MediaModule.URI)).isNull();
	}

	private static void photoWithCredit() {
		photoUsable(PHOTO);
		media.stubFor(WireMock.get("/api/media/" + PHOTO).willReturn(WireMock.okJson("""
				{"id": "%s", "caption": "Hanbok-clad singers on the opening night.", "altText": "Singers on a stage",
				 "credit": "Reuters-Yonhap", "status": "ACTIVE", "width": 3000, "height": 2000,
				 "renditions": [{"name": "thumb", "width": 320, "height": 213, "url": "/api/media/%s/renditions/thumb"},
				                {"name": "large", "width": 1600, "height": 1067, "url": "/api/media/%s/renditions/large"}]}
				""".formatted(PHOTO, PHOTO, PHOTO))));
	}

	private String get(String uri) {
		return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	/** ROME's own parser, strict about the XML (no DOCTYPE, so no entities from outside). */
	private static Object parse(String xml) throws Exception {
		WireFeedInput input = new WireFeedInput();
		input.setXmlHealerOn(false);
		return input.build(new StringReader(xml));
	}

	private Item item(Channel rss, String id) {
		String url = webUrl(id);
		return rss.getItems().stream().filter(i -> url.equals(i.getLink())).findFirst()
			.orElseThrow(() -> new AssertionError("no item links to " + url));
	}

	private static MediaContent onlyMediaContent(Object module) {
		assertThat(module).as("Media RSS module").isInstanceOf(MediaEntryModule.class);
		MediaContent[] contents = ((MediaEntryModule) module).getMediaContents();
		assertThat(contents).hasSize(1);
		return contents[0];
	}

	private String webUrl(String id) {
		return ((Map<?, ?>) articleAsEditor(id).get("links")).get("web").toString();
	}

	/** Feeds give dates to the second (RFC 822 in RSS). */
	private Instant firstPublishedAt(String id) {
		return Instant.parse(articleAsEditor(id).get("firstPublishedAt").toString()).truncatedTo(ChronoUnit.SECONDS);
	}
}
