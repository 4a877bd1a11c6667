package org.newsroom.platform.change;

import java.util.List;

/**
 * One read of a change log: changes oldest first; {@code complete} is false when more were
 * recorded than one read holds ({@value ChangeLog#MAX_READ}).
 */
public record Changes(List<Change> changes, boolean complete) {

	public Changes {
		changes = List.copyOf(changes);
	}
}
