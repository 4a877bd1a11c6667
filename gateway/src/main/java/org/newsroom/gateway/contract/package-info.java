/**
 * What the gateway reads of the services' answers, as records: the contract between the gateway
 * and article-service ({@link Article}, {@link ArticleSummary}, {@link ArticleList}),
 * media-service ({@link Photo}, {@link Rendition}) and ranking-service ({@link TopList}). Each
 * names only the fields the gateway uses and ignores the rest, so a service may add fields
 * freely; renaming or retyping one of these is a change of the contract and fails here, at
 * compile time or in the gateway's tests. The full answers are described in docs/articles-api.md,
 * docs/media-api.md and docs/rankings-api.md.
 *
 * <p>Composed pages pass the services' JSON on unchanged: an {@link Answer} carries the record
 * the gateway reads and the JSON it sends on.
 */
package org.newsroom.gateway.contract;
