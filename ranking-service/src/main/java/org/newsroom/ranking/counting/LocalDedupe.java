package org.newsroom.ranking.counting;

/**
 * This replica's own dedupe memory, as the flusher sees it: a view that another replica counted
 * first is forgotten here, so that this replica's memory never outlasts the shared window (its
 * entry was written later than the other replica's) and never refuses a view the shared memory
 * would count.
 */
public interface LocalDedupe {

	void forget(long visitorAndArticle);
}
