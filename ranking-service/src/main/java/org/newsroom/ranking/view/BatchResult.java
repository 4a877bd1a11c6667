package org.newsroom.ranking.view;

import java.util.List;

import org.newsroom.platform.problem.FieldProblem;

/**
 * What became of a batch's views.
 *
 * @param accepted counted (views of articles article-service could not be asked about yet are
 *     counted once it answers, and dropped if they turn out not to be published)
 * @param duplicates same visitor and article in the same half hour, in this batch or an earlier one
 * @param unpublished views of articles that are not published (unknown, draft, withdrawn)
 * @param rejected invalid items, each explained in {@code errors}
 * @param errors {@code views[i].field} and what is wrong with it
 */
public record BatchResult(int accepted, int duplicates, int unpublished, int rejected, List<FieldProblem> errors) {
}
