package org.newsroom.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.client.articles.ArticlesApi;
import org.newsroom.client.articles.model.ArticleView;
import org.newsroom.client.pages.PagesForAppsApi;
import org.newsroom.client.pages.model.ArticlePage;
import org.newsroom.client.rankings.PageViewsApi;
import org.newsroom.client.rankings.TopListsApi;
import org.newsroom.client.rankings.model.RecordViewRequest;
import org.newsroom.client.rankings.model.TopList;
import org.newsroom.client.rankings.model.TopListEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An app built on the Java client generated from the committed API documents (e2e-tests pom,
 * openapi-generator) reads what an editor published: the article, its page composite and the
 * Top 10, through the gateway as any app would. The client's models are the documents' schemas,
 * and every request it sends and answer it gets is checked by ApiContract too
 * ({@link ContractCheckedHttp}).
 */
@ExtendWith(LocalStack.class)
class ApiClientIT {

	@Test
	void anAppOnTheGeneratedClientReadsAnArticleItsPageAndTheTopTen() throws Exception {
		String editor = Client.token("editor1");
		String photoId = uploadedPhoto(editor);
		String headline = "Generated client reads the ferry timetable " + UUID.randomUUID().toString().substring(0, 8);
		Client.Response created = Client.send("POST", "/api/articles", editor,
				Drafts.article(headline, photoId, java.util.List.of()).toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String slug = created.json().get("slug").asString();
		Client.Response published = Client.send("POST", "/api/articles/" + id + "/publish", editor, null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);

		ArticleView article = new ArticlesApi(
				new org.newsroom.client.articles.invoker.ApiClient().setHttpClientBuilder(ContractCheckedHttp.builder()))
			.getArticleBySlug(slug);
		assertThat(article.getId()).isEqualTo(id);
		assertThat(article.getHeadline()).isEqualTo(headline);
		assertThat(article.getStatus()).isEqualTo(ArticleView.StatusEnum.PUBLISHED);
		assertThat(article.getLeadMediaId()).isEqualTo(photoId);
		assertThat(article.getDeck()).isNull();
		assertThat(article.getFirstPublishedAt()).isNotNull();

		ArticlePage page = new PagesForAppsApi(
				new org.newsroom.client.pages.invoker.ApiClient().setHttpClientBuilder(ContractCheckedHttp.builder()))
			.getArticlePage(slug);
		assertThat(page.getArticle().getHeadline()).isEqualTo(headline);
		assertThat(page.getLeadImage()).isNotNull();
		assertThat(page.getLeadImage().getId()).isEqualTo(photoId);
		assertThat(page.getLeadImage().getCredit()).isEqualTo("Yonhap");
		// the Top 10 part may be degraded while an earlier drill's ranking-service restart settles
		assertThat(page.getDegraded()).doesNotContain(ArticlePage.DegradedEnum.LEAD_IMAGE);

		org.newsroom.client.rankings.invoker.ApiClient rankings = new org.newsroom.client.rankings.invoker.ApiClient()
			.setHttpClientBuilder(ContractCheckedHttp.builder());
		PageViewsApi views = new PageViewsApi(rankings);
		for (int reader = 0; reader < 3; reader++) {
			views.recordView(new RecordViewRequest().articleId(id), "generated-client-" + reader + "-" + UUID.randomUUID(),
					null);
		}
		TopListsApi top = new TopListsApi(rankings);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			TopList list = top.getTopList("24h", null, 50);
			assertThat(list.getWindow()).isEqualTo(TopList.WindowEnum._24H);
			assertThat(list.getItems()).extracting(TopListEntry::getArticleId).contains(id);
			assertThat(list.getItems()).filteredOn(entry -> entry.getArticleId().equals(id))
				.singleElement()
				.satisfies(entry -> assertThat(entry.getHeadline()).isEqualTo(headline));
		});
	}

	private static String uploadedPhoto(String editor) throws IOException {
		Client.Response photo = Client.upload("/api/media", editor, NewsroomFlowIT.jpeg(640, 400), "ferry.jpg",
				"{\"caption\": \"The morning ferry leaves Mokpo.\", \"altText\": \"A ferry at the quay\", \"credit\": \"Yonhap\"}");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		return photo.json().get("id").asString();
	}
}
